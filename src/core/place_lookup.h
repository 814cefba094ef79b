// Finding a place by what a user types: its id, or any of its names in any spelling the matcher
// folds alike (hamza forms, taa marbuta, alef maqsura, harakat), or its English name in any case.
#pragma once

#include <string>
#include <vector>

#include "core/gazetteer.h"

namespace atlas {

// The places `query` names exactly (an id wins outright). Several when a name is shared
// (الزهراء: a neighbourhood and a town); empty when none.
std::vector<int> findPlacesNamed(const Gazetteer& gazetteer, const std::string& query);

}  // namespace atlas
