#pragma once
// A corpus for the runs that are stopped or raced: many small articles under in/, each with
// dates, organisations and a "fined", so every file gives rows in every table.

#include "tests/support/run_binary.hpp"

namespace dossier::testing {

// Writes `files` articles as in/NN/fNNNNN.txt, spread over `folders` folders (1: all in in/).
void write_fined_corpus(const TempDir& t, int files, int folders = 1);

}  // namespace dossier::testing
