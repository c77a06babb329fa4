//! Time-zone knowledge as data: the words English news uses for zones ("Alaska time", "BST",
//! "Central European Time", "Kyiv time") mapped to IANA names, and the one bundled copy of the
//! IANA database that every conversion in factline uses.
//!
//! Why tables and not code: which zone "ET" or "British Summer Time" means is general knowledge,
//! not logic, and keeping it in sorted tables lets a test check every entry against the tzdb.
//!
//! What this module must not do: look at running text (that is [`super::time`]'s job), or read the
//! system's `/usr/share/zoneinfo`. Conversions must give the same answer on every machine, so
//! only the database compiled into jiff (`tzdb-bundle-always`) is consulted, through
//! [`time_zone`].
//!
//! Two kinds of entry:
//! - *Generic* names ("Eastern time", "ET", "UK time") name a zone and follow its daylight-saving
//!   rules: "11am ET" is -04:00 in August and -05:00 in January.
//! - *Fixed* names ("EDT", "BST", "British Summer Time", "GMT") also state a UTC offset. The text
//!   is taken at its word for the instant, and [`super::time`] warns when the zone is not at that
//!   offset on the day ("BST" in January).
//!
//! Ambiguous abbreviations are read the way English-language news most often means them:
//! "IST" is India (not Ireland or Israel), "CST" is US Central (not China), "GST" is the Gulf.

use std::sync::OnceLock;

use jiff::tz::{TimeZone, TimeZoneDatabase};

/// What a zone word names: an IANA zone and, for fixed names such as "BST", the UTC offset it
/// states.
///
/// ```
/// use factline::extract::zones::{abbreviation, ZoneSpec};
///
/// assert_eq!(
///     abbreviation("BST"),
///     Some(ZoneSpec { zone: "Europe/London", offset_seconds: Some(3600) }),
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ZoneSpec {
    /// The IANA zone name (always present in the bundled tzdb; a test checks).
    pub zone: &'static str,
    /// The offset from UTC in seconds that the name itself states, for fixed names only.
    pub offset_seconds: Option<i32>,
}

const fn generic(zone: &'static str) -> ZoneSpec {
    ZoneSpec {
        zone,
        offset_seconds: None,
    }
}

const fn fixed(zone: &'static str, offset_seconds: i32) -> ZoneSpec {
    ZoneSpec {
        zone,
        offset_seconds: Some(offset_seconds),
    }
}

const H: i32 = 3600;

/// Zone abbreviations, written in capitals, sorted by abbreviation (a test checks).
const ABBREVIATIONS: &[(&str, ZoneSpec)] = &[
    ("ACDT", fixed("Australia/Adelaide", 10 * H + H / 2)),
    ("ACST", fixed("Australia/Adelaide", 9 * H + H / 2)),
    ("AEDT", fixed("Australia/Sydney", 11 * H)),
    ("AEST", fixed("Australia/Sydney", 10 * H)),
    ("AKDT", fixed("America/Anchorage", -8 * H)),
    ("AKST", fixed("America/Anchorage", -9 * H)),
    ("ART", fixed("America/Argentina/Buenos_Aires", -3 * H)),
    ("AWST", fixed("Australia/Perth", 8 * H)),
    ("BRT", fixed("America/Sao_Paulo", -3 * H)),
    ("BST", fixed("Europe/London", H)),
    ("CAT", fixed("Africa/Maputo", 2 * H)),
    ("CDT", fixed("America/Chicago", -5 * H)),
    ("CEST", fixed("Europe/Berlin", 2 * H)),
    ("CET", fixed("Europe/Berlin", H)),
    ("CST", fixed("America/Chicago", -6 * H)),
    ("CT", generic("America/Chicago")),
    ("EAT", fixed("Africa/Nairobi", 3 * H)),
    ("EDT", fixed("America/New_York", -4 * H)),
    ("EEST", fixed("Europe/Athens", 3 * H)),
    ("EET", fixed("Europe/Athens", 2 * H)),
    ("EST", fixed("America/New_York", -5 * H)),
    ("ET", generic("America/New_York")),
    ("GMT", fixed("GMT", 0)),
    ("GST", fixed("Asia/Dubai", 4 * H)),
    ("HKT", fixed("Asia/Hong_Kong", 8 * H)),
    ("HST", fixed("Pacific/Honolulu", -10 * H)),
    ("IRST", fixed("Asia/Tehran", 3 * H + H / 2)),
    ("IST", fixed("Asia/Kolkata", 5 * H + H / 2)),
    ("JST", fixed("Asia/Tokyo", 9 * H)),
    ("KST", fixed("Asia/Seoul", 9 * H)),
    ("MDT", fixed("America/Denver", -6 * H)),
    ("MSK", fixed("Europe/Moscow", 3 * H)),
    ("MST", fixed("America/Denver", -7 * H)),
    ("MT", generic("America/Denver")),
    ("NZDT", fixed("Pacific/Auckland", 13 * H)),
    ("NZST", fixed("Pacific/Auckland", 12 * H)),
    ("PDT", fixed("America/Los_Angeles", -7 * H)),
    ("PKT", fixed("Asia/Karachi", 5 * H)),
    ("PST", fixed("America/Los_Angeles", -8 * H)),
    ("PT", generic("America/Los_Angeles")),
    ("SAST", fixed("Africa/Johannesburg", 2 * H)),
    ("SGT", fixed("Asia/Singapore", 8 * H)),
    ("TRT", fixed("Europe/Istanbul", 3 * H)),
    ("UTC", fixed("UTC", 0)),
    ("WAT", fixed("Africa/Lagos", H)),
    ("WEST", fixed("Europe/Lisbon", H)),
    ("WET", fixed("Europe/Lisbon", 0)),
    ("WIB", fixed("Asia/Jakarta", 7 * H)),
];

/// The words before "time" in a zone's English name, lower case, sorted (a test checks).
/// "local" is not here: what "local time" means depends on the event, not on this table.
const NAMES: &[(&str, ZoneSpec)] = &[
    ("alaska", generic("America/Anchorage")),
    ("alaska daylight", fixed("America/Anchorage", -8 * H)),
    ("alaska standard", fixed("America/Anchorage", -9 * H)),
    ("atlantic", generic("America/Halifax")),
    ("british", generic("Europe/London")),
    ("british summer", fixed("Europe/London", H)),
    ("central", generic("America/Chicago")),
    ("central daylight", fixed("America/Chicago", -5 * H)),
    ("central european", generic("Europe/Berlin")),
    ("central european summer", fixed("Europe/Berlin", 2 * H)),
    ("central standard", fixed("America/Chicago", -6 * H)),
    ("coordinated universal", fixed("UTC", 0)),
    ("eastern", generic("America/New_York")),
    ("eastern daylight", fixed("America/New_York", -4 * H)),
    ("eastern european", generic("Europe/Athens")),
    ("eastern european summer", fixed("Europe/Athens", 3 * H)),
    ("eastern standard", fixed("America/New_York", -5 * H)),
    ("greenwich mean", fixed("GMT", 0)),
    ("gulf standard", fixed("Asia/Dubai", 4 * H)),
    ("hawaii", generic("Pacific/Honolulu")),
    ("india standard", fixed("Asia/Kolkata", 5 * H + H / 2)),
    ("indian standard", fixed("Asia/Kolkata", 5 * H + H / 2)),
    ("israel", generic("Asia/Jerusalem")),
    ("japan standard", fixed("Asia/Tokyo", 9 * H)),
    ("korea standard", fixed("Asia/Seoul", 9 * H)),
    ("moscow standard", fixed("Europe/Moscow", 3 * H)),
    ("mountain", generic("America/Denver")),
    ("mountain daylight", fixed("America/Denver", -6 * H)),
    ("mountain standard", fixed("America/Denver", -7 * H)),
    ("pacific", generic("America/Los_Angeles")),
    ("pacific daylight", fixed("America/Los_Angeles", -7 * H)),
    ("pacific standard", fixed("America/Los_Angeles", -8 * H)),
    ("uk", generic("Europe/London")),
    ("universal", fixed("UTC", 0)),
    ("western european", generic("Europe/Lisbon")),
];

/// Cities, countries and regions whose name before "time" ("Moscow time", "Kyiv time") names
/// one zone, lower case, sorted (a test checks). Countries that span several zones (Russia, the
/// US, Canada, Australia, Brazil) are left out: "Russia time" names no one zone.
const PLACES: &[(&str, &str)] = &[
    ("abu dhabi", "Asia/Dubai"),
    ("afghanistan", "Asia/Kabul"),
    ("alaska", "America/Anchorage"),
    ("amsterdam", "Europe/Amsterdam"),
    ("anchorage", "America/Anchorage"),
    ("ankara", "Europe/Istanbul"),
    ("athens", "Europe/Athens"),
    ("atlanta", "America/New_York"),
    ("auckland", "Pacific/Auckland"),
    ("austria", "Europe/Vienna"),
    ("baghdad", "Asia/Baghdad"),
    ("bangkok", "Asia/Bangkok"),
    ("beijing", "Asia/Shanghai"),
    ("beirut", "Asia/Beirut"),
    ("belarus", "Europe/Minsk"),
    ("belgium", "Europe/Brussels"),
    ("belgrade", "Europe/Belgrade"),
    ("berlin", "Europe/Berlin"),
    ("bogota", "America/Bogota"),
    ("boston", "America/New_York"),
    ("britain", "Europe/London"),
    ("brussels", "Europe/Brussels"),
    ("bucharest", "Europe/Bucharest"),
    ("budapest", "Europe/Budapest"),
    ("buenos aires", "America/Argentina/Buenos_Aires"),
    ("cairo", "Africa/Cairo"),
    ("california", "America/Los_Angeles"),
    ("canberra", "Australia/Sydney"),
    ("cape town", "Africa/Johannesburg"),
    ("caracas", "America/Caracas"),
    ("chicago", "America/Chicago"),
    ("china", "Asia/Shanghai"),
    ("copenhagen", "Europe/Copenhagen"),
    ("damascus", "Asia/Damascus"),
    ("delhi", "Asia/Kolkata"),
    ("denmark", "Europe/Copenhagen"),
    ("denver", "America/Denver"),
    ("doha", "Asia/Qatar"),
    ("dubai", "Asia/Dubai"),
    ("dublin", "Europe/Dublin"),
    ("edinburgh", "Europe/London"),
    ("egypt", "Africa/Cairo"),
    ("england", "Europe/London"),
    ("finland", "Europe/Helsinki"),
    ("france", "Europe/Paris"),
    ("geneva", "Europe/Zurich"),
    ("germany", "Europe/Berlin"),
    ("greece", "Europe/Athens"),
    ("hanoi", "Asia/Bangkok"),
    ("havana", "America/Havana"),
    ("hawaii", "Pacific/Honolulu"),
    ("helsinki", "Europe/Helsinki"),
    ("hong kong", "Asia/Hong_Kong"),
    ("honolulu", "Pacific/Honolulu"),
    ("houston", "America/Chicago"),
    ("hungary", "Europe/Budapest"),
    ("india", "Asia/Kolkata"),
    ("iran", "Asia/Tehran"),
    ("iraq", "Asia/Baghdad"),
    ("ireland", "Europe/Dublin"),
    ("islamabad", "Asia/Karachi"),
    ("israel", "Asia/Jerusalem"),
    ("istanbul", "Europe/Istanbul"),
    ("italy", "Europe/Rome"),
    ("jakarta", "Asia/Jakarta"),
    ("japan", "Asia/Tokyo"),
    ("jerusalem", "Asia/Jerusalem"),
    ("johannesburg", "Africa/Johannesburg"),
    ("kabul", "Asia/Kabul"),
    ("karachi", "Asia/Karachi"),
    ("kharkiv", "Europe/Kyiv"),
    ("kiev", "Europe/Kyiv"),
    ("kolkata", "Asia/Kolkata"),
    ("kyiv", "Europe/Kyiv"),
    ("lagos", "Africa/Lagos"),
    ("lisbon", "Europe/Lisbon"),
    ("london", "Europe/London"),
    ("los angeles", "America/Los_Angeles"),
    ("madrid", "Europe/Madrid"),
    ("manila", "Asia/Manila"),
    ("mecca", "Asia/Riyadh"),
    ("melbourne", "Australia/Melbourne"),
    ("mexico city", "America/Mexico_City"),
    ("miami", "America/New_York"),
    ("minsk", "Europe/Minsk"),
    ("moscow", "Europe/Moscow"),
    ("mumbai", "Asia/Kolkata"),
    ("nairobi", "Africa/Nairobi"),
    ("netherlands", "Europe/Amsterdam"),
    ("new delhi", "Asia/Kolkata"),
    ("new york", "America/New_York"),
    ("norway", "Europe/Oslo"),
    ("odesa", "Europe/Kyiv"),
    ("odessa", "Europe/Kyiv"),
    ("oslo", "Europe/Oslo"),
    ("ottawa", "America/Toronto"),
    ("pakistan", "Asia/Karachi"),
    ("paris", "Europe/Paris"),
    ("philippines", "Asia/Manila"),
    ("poland", "Europe/Warsaw"),
    ("portugal", "Europe/Lisbon"),
    ("prague", "Europe/Prague"),
    ("pyongyang", "Asia/Pyongyang"),
    ("qatar", "Asia/Qatar"),
    ("riyadh", "Asia/Riyadh"),
    ("romania", "Europe/Bucharest"),
    ("rome", "Europe/Rome"),
    ("san francisco", "America/Los_Angeles"),
    ("santiago", "America/Santiago"),
    ("sao paulo", "America/Sao_Paulo"),
    ("saudi", "Asia/Riyadh"),
    ("scotland", "Europe/London"),
    ("seattle", "America/Los_Angeles"),
    ("seoul", "Asia/Seoul"),
    ("shanghai", "Asia/Shanghai"),
    ("singapore", "Asia/Singapore"),
    ("south africa", "Africa/Johannesburg"),
    ("south korea", "Asia/Seoul"),
    ("spain", "Europe/Madrid"),
    ("stockholm", "Europe/Stockholm"),
    ("sweden", "Europe/Stockholm"),
    ("switzerland", "Europe/Zurich"),
    ("sydney", "Australia/Sydney"),
    ("syria", "Asia/Damascus"),
    ("taipei", "Asia/Taipei"),
    ("taiwan", "Asia/Taipei"),
    ("tehran", "Asia/Tehran"),
    ("tel aviv", "Asia/Jerusalem"),
    ("texas", "America/Chicago"),
    ("tokyo", "Asia/Tokyo"),
    ("toronto", "America/Toronto"),
    ("turkey", "Europe/Istanbul"),
    ("uk", "Europe/London"),
    ("ukraine", "Europe/Kyiv"),
    ("vancouver", "America/Vancouver"),
    ("vienna", "Europe/Vienna"),
    ("wales", "Europe/London"),
    ("warsaw", "Europe/Warsaw"),
    ("washington", "America/New_York"),
    ("zurich", "Europe/Zurich"),
];

fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// Folds `name` to the tables' key form (ASCII lower case, single spaces) in a stack buffer,
/// so that a lookup allocates nothing. Names longer than any key cannot match and give `None`.
fn fold_key<'b>(name: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    let mut len = 0;
    let mut space = false;
    for b in name.trim().bytes() {
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if !b.is_ascii() {
            return None;
        }
        if space && len > 0 {
            *buf.get_mut(len)? = b' ';
            len += 1;
        }
        space = false;
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// The zone a capitalised abbreviation names ("BST", "ET", "AKDT"). Matching is exact: "Et" or
/// "bst" in running text are not zone names.
///
/// ```
/// use factline::extract::zones::abbreviation;
///
/// assert_eq!(abbreviation("ET").map(|z| z.zone), Some("America/New_York"));
/// assert_eq!(abbreviation("ET").and_then(|z| z.offset_seconds), None); // follows DST
/// assert_eq!(abbreviation("EDT").and_then(|z| z.offset_seconds), Some(-4 * 3600));
/// assert_eq!(abbreviation("bst"), None);
/// ```
pub fn abbreviation(abbr: &str) -> Option<ZoneSpec> {
    lookup(ABBREVIATIONS, abbr)
}

/// The zone named by the words before "time" in "Alaska time", "Central European Time" or
/// "British Summer Time", case-insensitively; falls back to [`zone_for_place`], so "Moscow time"
/// and "Kyiv time" work too. "local" gives `None`: it depends on the event's place.
///
/// ```
/// use factline::extract::zones::named_zone;
///
/// assert_eq!(named_zone("Alaska").map(|z| z.zone), Some("America/Anchorage"));
/// assert_eq!(named_zone("British Summer").and_then(|z| z.offset_seconds), Some(3600));
/// assert_eq!(named_zone("Kyiv").map(|z| z.zone), Some("Europe/Kyiv"));
/// assert_eq!(named_zone("local"), None);
/// ```
pub fn named_zone(words: &str) -> Option<ZoneSpec> {
    let mut buf = [0; 40];
    let key = fold_key(words, &mut buf)?;
    lookup(NAMES, key).or_else(|| lookup(PLACES, key).map(generic))
}

/// The IANA zone of a city, country or region that lies in one zone ("Moscow", "Hong Kong"),
/// case-insensitively. A small table of places news names with a time; the full gazetteer is
/// [`super::gazetteer`].
///
/// ```
/// use factline::extract::zones::zone_for_place;
///
/// assert_eq!(zone_for_place("Beijing"), Some("Asia/Shanghai"));
/// assert_eq!(zone_for_place("new  york"), Some("America/New_York"));
/// assert_eq!(zone_for_place("Russia"), None); // eleven zones
/// ```
pub fn zone_for_place(place: &str) -> Option<&'static str> {
    let mut buf = [0; 40];
    lookup(PLACES, fold_key(place, &mut buf)?)
}

fn bundled() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// The zone called `name` in the tzdb bundled into the binary, or `None` for a name it does not
/// know. Never reads the system's zoneinfo, so results do not depend on the machine.
///
/// ```
/// use factline::extract::zones::time_zone;
///
/// assert!(time_zone("America/Anchorage").is_some());
/// assert!(time_zone("Mars/Olympus_Mons").is_none());
/// ```
pub fn time_zone(name: &str) -> Option<TimeZone> {
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    bundled().get(name).ok()
}

/// A UTC offset in RFC 3339 form: `+01:00`, `-08:00`, `+05:30`, and `+00:00` for zero (RFC 3339
/// `Z` is kept for instants in UTC, not for local times). Seconds, which only historical local
/// mean times have, are dropped.
///
/// ```
/// use factline::extract::zones::format_offset;
///
/// assert_eq!(format_offset(-8 * 3600), "-08:00");
/// assert_eq!(format_offset(5 * 3600 + 1800), "+05:30");
/// assert_eq!(format_offset(0), "+00:00");
/// ```
pub fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, abs / 60 % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted<T>(table: &[(&str, T)]) {
        for pair in table.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert_sorted(ABBREVIATIONS);
        assert_sorted(NAMES);
        assert_sorted(PLACES);
    }

    #[test]
    fn every_zone_is_in_the_bundled_tzdb() {
        let zones = ABBREVIATIONS
            .iter()
            .chain(NAMES)
            .map(|(_, spec)| spec.zone)
            .chain(PLACES.iter().map(|(_, zone)| *zone));
        for zone in zones {
            assert!(
                time_zone(zone).is_some(),
                "{zone} is not in the bundled tzdb"
            );
        }
    }

    #[test]
    fn fixed_names_match_their_zone_at_some_point_of_the_year() {
        // "BST" must be London's offset in summer, "GMT" London's in winter and so on: a typo in
        // an offset would otherwise warn on every correct use.
        let days = [
            jiff::civil::date(2025, 1, 15),
            jiff::civil::date(2025, 7, 15),
        ];
        for (name, spec) in ABBREVIATIONS.iter().chain(NAMES) {
            let Some(offset) = spec.offset_seconds else {
                continue;
            };
            let tz = time_zone(spec.zone).expect("checked above");
            let seen = days.iter().any(|day| {
                let ts = tz
                    .to_timestamp(day.at(12, 0, 0, 0))
                    .expect("noon exists everywhere");
                tz.to_offset(ts).seconds() == offset
            });
            assert!(seen, "{name}: {} is never at {offset}", spec.zone);
        }
    }

    #[test]
    fn alaska_time_follows_dst_from_the_tzdb() {
        let spec = named_zone("alaska").expect("in the table");
        let tz = time_zone(spec.zone).expect("bundled");
        let summer = tz
            .to_timestamp(jiff::civil::date(2025, 8, 15).at(11, 0, 0, 0))
            .expect("valid");
        assert_eq!(tz.to_offset(summer).seconds(), -8 * H);
        assert_eq!(summer.to_string(), "2025-08-15T19:00:00Z");
        let winter = tz
            .to_timestamp(jiff::civil::date(2025, 1, 15).at(11, 0, 0, 0))
            .expect("valid");
        assert_eq!(tz.to_offset(winter).seconds(), -9 * H);
    }

    #[test]
    fn names_fold_case_and_spaces_but_not_other_words() {
        assert_eq!(
            named_zone("CENTRAL   European").map(|z| z.zone),
            Some("Europe/Berlin")
        );
        assert_eq!(named_zone("UK").map(|z| z.zone), Some("Europe/London"));
        assert_eq!(named_zone("lunch"), None);
        assert_eq!(named_zone(""), None);
        assert_eq!(named_zone("Zürich"), None);
        assert_eq!(named_zone(&"x".repeat(100)), None);
        assert_eq!(abbreviation("Bst"), None);
    }
}
