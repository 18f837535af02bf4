package dev.gatehouse.admin.http;

/** One validation error: a JSON pointer into the request body (or "#/query/NAME") and what is wrong there. */
public record FieldError(String pointer, String detail) {}
