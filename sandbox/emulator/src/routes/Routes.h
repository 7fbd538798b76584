#pragma once

namespace emu {

class Emulator;

// Each registers one area's routes on the emulator's router.
void registerUserRoutes(Emulator &emulator);
void registerMembershipRoutes(Emulator &emulator);
void registerOrganizationRoutes(Emulator &emulator);
void registerDirectoryRoutes(Emulator &emulator);
void registerEventRoutes(Emulator &emulator);
void registerAuditLogRoutes(Emulator &emulator);
void registerAuthRoutes(Emulator &emulator);      // authorize, authenticate, sessions, JWKS
void registerPasswordRoutes(Emulator &emulator);  // password reset, email verification
void registerControlRoutes(Emulator &emulator);   // /_emulator/*

} // namespace emu
