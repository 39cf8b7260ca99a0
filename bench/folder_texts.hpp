#pragma once
// The benchmark tools' input: a folder's files, decoded as dossier decodes them.

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::bench {

// The decoded texts of the files under `dir`, in path order, up to about `max_bytes` of text
// (the file that crosses it is the last); files that do not decode are left out. `bytes`: their
// total size.
std::vector<std::string> folder_texts(const std::string& dir, std::size_t max_bytes,
                                      std::size_t* bytes);

}  // namespace dossier::bench
