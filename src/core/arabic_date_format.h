// Dates written for Arabic readers: "الاثنين ٥ كانون الأول ٢٠١٦", with the Levantine month names
// Syrian outlets use and Arabic-Indic digits.
#pragma once

#include <string>

#include "core/date.h"

namespace atlas {

std::string arabicDateLabel(const Date& date);
std::string arabicIndicDigits(long n);  // 2016 → "٢٠١٦"

}  // namespace atlas
