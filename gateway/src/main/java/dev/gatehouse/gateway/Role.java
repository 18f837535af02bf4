package dev.gatehouse.gateway;

import java.util.Locale;

/** Which planes one process serves. */
public enum Role {
    GATEWAY, ADMIN, ALL;

    public boolean servesGateway() {
        return this != ADMIN;
    }

    public boolean servesAdmin() {
        return this != GATEWAY;
    }

    static Role parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "gateway" -> GATEWAY;
            case "admin" -> ADMIN;
            case "all" -> ALL;
            default -> throw new InvalidSettingsException("role must be gateway, admin or all, not \"" + value + "\"");
        };
    }
}
