#pragma once

namespace dossier {

// The program version, from CMake's project(VERSION).
inline constexpr const char* kVersion = DOSSIER_VERSION;

// The NDJSON schema tag every output line carries.
inline constexpr const char* kSchema = "dossier/1";

}  // namespace dossier
