package dev.gatehouse.testkit.google;

/** A request the fake Cloud Run front end turned away before the container: the status and why. */
public record CloudRunRejection(int status, String reason) {}
