package io.teamplay.roles;

import io.teamplay.common.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One rule: what roles derive on creation is what plays look up, and a name roles refuse names no role to plays. */
class RoleKeyTest {

    @Test
    void aDisplayNameAndItsKeyNameTheSameRole() {
        assertEquals("success_manager", RoleKey.derive("Success Manager"));
        assertEquals("success_manager", RoleKey.of("Success Manager"));
        assertEquals("success_manager", RoleKey.of(" success_manager "));
        assertEquals("success_manager", RoleKey.of("Success_Manager"));
        assertEquals("success_manager", io.teamplay.plays.facts.RoleKey.of("Success  Manager"));
    }

    @Test
    void aNameWithSpecialCharactersIsRefusedAndNamesNoRoleToPlays() {
        assertEquals(400, assertThrows(ProblemException.class, () -> RoleKey.derive("Sales-Manager")).status());
        assertEquals("sales-manager", io.teamplay.plays.facts.RoleKey.of("Sales-Manager"));
    }
}
