// Civil (proleptic Gregorian) dates without time zones: the unit the whole model counts in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace atlas {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil algorithm; inline,
  // as the views ask it of millions of mentions.
  int toDays() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
  static Date fromDays(int days);
  // 0 = Sunday ... 6 = Saturday.
  int weekday() const;
  std::string iso() const;  // YYYY-MM-DD

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool isValidDate(int year, int month, int day);
// Strict YYYY-MM-DD (ASCII digits); rejects impossible dates such as 2016-02-30.
std::optional<Date> parseIsoDate(std::string_view text);

}  // namespace atlas
