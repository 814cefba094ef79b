// Who fired, when the sentence does not say: shells that fall on a district come from the side
// that does not hold it. Mortars on al-Hamdaniyah (held by the government) are the opposition's;
// artillery on al-Kallaseh (held by the opposition) the government's. The holder comes from the
// reference timeline (snapshots and the cited history), never from the corpus being read, so a
// report cannot confirm itself.
#pragma once

#include "core/control.h"
#include "core/extraction.h"
#include "core/gazetteer.h"

namespace atlas {

// Sets actor1 of every shelling mention that has none, where the reference names the shelled
// place's holder on the mention's day as the government or the opposition. Returns how many.
int attributeShellingByHolder(ExtractionResult& extraction, const Gazetteer& gazetteer,
                              const ControlTimeline& reference);

}  // namespace atlas
