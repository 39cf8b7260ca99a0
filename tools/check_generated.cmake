# Runs a generator into a temporary file and checks it equals the committed file.
# Prints "SKIPPED:" (ctest: skipped) when the reference tables are absent.
if(NOT EXISTS "${REFERENCE}")
  message("SKIPPED: ${REFERENCE} is absent; cannot regenerate ${COMMITTED}")
  return()
endif()
execute_process(COMMAND "${GENERATOR}" "${REFERENCE}" "${OVERRIDES}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generator failed (${rc})")
endif()
file(READ "${OUT}" generated)
file(READ "${COMMITTED}" committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${COMMITTED} differs from what the generator makes; regenerate it "
                      "(command at the top of the file) and commit")
endif()
