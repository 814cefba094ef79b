#include "core/arabic_date_format.h"

namespace atlas {

namespace {
const char* const kWeekdays[] = {"الأحد",  "الاثنين", "الثلاثاء", "الأربعاء",
                                 "الخميس", "الجمعة",  "السبت"};
const char* const kMonths[] = {"كانون الثاني", "شباط",        "آذار",         "نيسان",
                               "أيار",         "حزيران",      "تموز",         "آب",
                               "أيلول",        "تشرين الأول", "تشرين الثاني", "كانون الأول"};
}  // namespace

std::string arabicIndicDigits(long n) {
  const std::string ascii = std::to_string(n);
  std::string out;
  for (char c : ascii) {
    if (c < '0' || c > '9') {
      out.push_back(c);
      continue;
    }
    // U+0660 + digit: 0xD9 0xA0..0xA9 in UTF-8.
    out.push_back(static_cast<char>(0xD9));
    out.push_back(static_cast<char>(0xA0 + (c - '0')));
  }
  return out;
}

std::string arabicDateLabel(const Date& d) {
  std::string out = kWeekdays[d.weekday()];
  out += ' ';
  out += arabicIndicDigits(d.day);
  out += ' ';
  out += kMonths[d.month - 1];
  out += ' ';
  out += arabicIndicDigits(d.year);
  return out;
}

}  // namespace atlas
