//! The place gazetteer: cities, regions, countries and nationality adjectives, each with the IANA
//! zone that "local time" there means.
//!
//! Why it exists: the extractor has to tell a place from a person ("Alaska" is not anyone), read
//! offices such as "Ukrainian president", and give a clock time said in "local time" the zone of
//! the event's place. All three need a list of places that is general knowledge, not a list
//! tuned to any article.
//!
//! The data is GeoNames (CC BY 4.0), cut down by `scripts/make-gazetteer.py` into the TSV files
//! in `data/gazetteer/` and embedded with `include_str!`, so nothing is read or fetched at run
//! time. It is parsed once, on first use.
//!
//! What this module must not do: look for names in running text, or judge from context whether a
//! capitalised word is a place. A city called "Reading" or "Jackson" is found here whatever the
//! sentence means; the caller decides whether the sentence is talking about it.
//!
//! Matching rules, the same for every lookup:
//! - Names compare case- and accent-insensitively ("KYIV", "Quebec" and "Québec" all match),
//!   with curly apostrophes and dashes read as their ASCII forms and runs of spaces as one.
//! - Abbreviations written in capitals ("US", "U.K.", "AK") compare exactly, so that the
//!   ordinary words "us", "in" or "me" never name a place.
//! - Countries and regions may be preceded by "the" ("the US", "the Netherlands").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A city or town from GeoNames.
///
/// ```
/// use factline::extract::gazetteer::city;
///
/// let anchorage = city("Anchorage").expect("a city of 290,000 people");
/// assert_eq!(anchorage.region, Some("Alaska"));
/// assert_eq!(anchorage.time_zone, "America/Anchorage");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct City {
    /// The GeoNames name, accents kept ("Québec", "Kyiv").
    pub name: &'static str,
    /// The first-level division it lies in, where the data names it (US states, Canadian
    /// provinces, Australian states, the four nations of the UK); `None` elsewhere.
    pub region: Option<&'static str>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: &'static str,
    /// Its IANA zone, as GeoNames gives it.
    pub time_zone: &'static str,
    /// Population as GeoNames gives it.
    pub population: u32,
}

/// A country or inhabited territory with its own ISO 3166-1 code.
///
/// ```
/// use factline::extract::gazetteer::country;
///
/// let us = country("the U.S.").expect("a common name of the United States");
/// assert_eq!((us.code, us.name, us.time_zone), ("US", "United States", "America/New_York"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code ("US", "GB").
    pub code: &'static str,
    /// The common short English name ("United States", "United Kingdom", "Russia").
    pub name: &'static str,
    /// The zone of its capital, or where GeoNames knows no capital, the zone most of its people
    /// live in.
    pub time_zone: &'static str,
}

/// A region within a country: a US state, a Canadian province, an Australian state, a nation of
/// the UK, or a well-known area such as Bavaria, Crimea or Kashmir.
///
/// ```
/// use factline::extract::gazetteer::region;
///
/// let scotland = region("Scotland").expect("a nation of the UK");
/// assert_eq!((scotland.country, scotland.time_zone), ("GB", "Europe/London"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region {
    /// Its English name ("Alaska", "British Columbia").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: &'static str,
    /// The zone most of its people live in (for areas not in the data's divisions, the zone of
    /// its main city).
    pub time_zone: &'static str,
}

/// What a place name turned out to be; see [`place`] for how ambiguous names are decided.
///
/// ```
/// use factline::extract::gazetteer::{place, PlaceKind};
///
/// let Some(PlaceKind::Region(alaska)) = place("Alaska") else { panic!("Alaska is a state") };
/// assert_eq!(alaska.country, "US");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A city or town.
    City(City),
    /// A region within a country.
    Region(Region),
    /// A country.
    Country(Country),
}

impl PlaceKind {
    /// The place's display name.
    ///
    /// ```
    /// use factline::extract::gazetteer::place;
    ///
    /// assert_eq!(place("Britain").map(|p| p.name()), Some("United Kingdom"));
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            PlaceKind::City(city) => city.name,
            PlaceKind::Region(region) => region.name,
            PlaceKind::Country(country) => country.name,
        }
    }

    /// The IANA zone that "local time" means there.
    ///
    /// ```
    /// use factline::extract::gazetteer::place;
    ///
    /// assert_eq!(place("Hawaii").map(|p| p.time_zone()), Some("Pacific/Honolulu"));
    /// ```
    pub fn time_zone(&self) -> &'static str {
        match self {
            PlaceKind::City(city) => city.time_zone,
            PlaceKind::Region(region) => region.time_zone,
            PlaceKind::Country(country) => country.time_zone,
        }
    }

    /// ISO 3166-1 alpha-2 code of the country the place is in (or is).
    ///
    /// ```
    /// use factline::extract::gazetteer::place;
    ///
    /// assert_eq!(place("Tokyo").map(|p| p.country_code()), Some("JP"));
    /// ```
    pub fn country_code(&self) -> &'static str {
        match self {
            PlaceKind::City(city) => city.country,
            PlaceKind::Region(region) => region.country,
            PlaceKind::Country(country) => country.code,
        }
    }
}

/// Looks up a city by its exact name, an ASCII spelling of it, or a common English exonym
/// ("Kiev", "Bombay"). Of several cities with the name, the most populous is returned, which is
/// the one a news text means far more often than not.
///
/// ```
/// use factline::extract::gazetteer::city;
///
/// assert_eq!(city("London").map(|c| c.country), Some("GB"));
/// assert_eq!(city("Kiev").map(|c| c.name), Some("Kyiv"));
/// assert_eq!(city("Atlantis"), None);
/// ```
pub fn city(name: &str) -> Option<City> {
    city_row(name).map(|row| row.city)
}

/// The national capital of the country with this ISO code ("TN" → Tunis), for "the Tunisian
/// capital". Where the data marks several, the most populous. Read only on that phrase, so a
/// scan of the table is cheap enough.
pub fn capital_of(code: &str) -> Option<City> {
    GAZETTEER
        .cities
        .iter()
        .filter(|row| row.national_capital && row.city.country == code)
        .max_by_key(|row| row.city.population)
        .map(|row| row.city)
}

/// Looks up a country by its common English name, another name in wide use ("Britain",
/// "America", "Burma"), or an abbreviation written in capitals ("US", "U.K.", "UAE").
///
/// ```
/// use factline::extract::gazetteer::country;
///
/// assert_eq!(country("Russia").map(|c| c.code), Some("RU"));
/// assert_eq!(country("the UK").map(|c| c.name), Some("United Kingdom"));
/// assert_eq!(country("us"), None); // the pronoun, not the country
/// ```
pub fn country(name: &str) -> Option<Country> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .country_names
        .get_after_article(name)
        .map(|row| gazetteer.countries[row])
}

/// Looks up a country by its ISO 3166-1 alpha-2 or alpha-3 code, in either case.
///
/// ```
/// use factline::extract::gazetteer::country_by_code;
///
/// assert_eq!(country_by_code("UA").map(|c| c.name), Some("Ukraine"));
/// assert_eq!(country_by_code("gbr").map(|c| c.code), Some("GB"));
/// ```
pub fn country_by_code(code: &str) -> Option<Country> {
    let gazetteer = &*GAZETTEER;
    let code = code.trim();
    if !(code.len() == 2 || code.len() == 3) || !code.is_ascii() {
        return None;
    }
    let mut upper = [0u8; 3];
    for (slot, byte) in upper.iter_mut().zip(code.bytes()) {
        *slot = byte.to_ascii_uppercase();
    }
    let upper = std::str::from_utf8(&upper[..code.len()]).ok()?;
    gazetteer
        .country_codes
        .get(upper)
        .map(|&row| gazetteer.countries[row])
}

/// The country a nationality adjective refers to: "Ukrainian" is Ukraine, "American" and "US"
/// (as in "US officials") are the United States. Adjectives that name no single country
/// ("European", "Arab", "Korean") give `None`.
///
/// ```
/// use factline::extract::gazetteer::demonym;
///
/// assert_eq!(demonym("Ukrainian").map(|c| c.name), Some("Ukraine"));
/// assert_eq!(demonym("American").map(|c| c.code), Some("US"));
/// assert_eq!(demonym("European"), None);
/// ```
pub fn demonym(adjective: &str) -> Option<Country> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .demonyms
        .get(adjective)
        .map(|row| gazetteer.countries[row])
}

/// The usual nationality adjective of the country with ISO 3166-1 alpha-2 code `code`, the
/// inverse of [`demonym`]: it turns "Ukraine's president" into "Ukrainian president". `None` for
/// a country with no adjective in the data.
///
/// ```
/// use factline::extract::gazetteer::adjective_of;
///
/// assert_eq!(adjective_of("UA"), Some("Ukrainian"));
/// assert_eq!(adjective_of("US"), Some("American"));
/// assert_eq!(adjective_of("GB"), Some("British"));
/// ```
pub fn adjective_of(code: &str) -> Option<&'static str> {
    let gazetteer = &*GAZETTEER;
    let row = *gazetteer.country_codes.get(code.trim())?;
    gazetteer.adjectives.get(&row).copied()
}

/// Looks up a region by name ("Alaska", "New South Wales", "Crimea") or by its postal
/// abbreviation written in capitals ("AK", "NSW"). An abbreviation that two regions share
/// ("NT", "WA") matches neither, since guessing would put events in the wrong zone.
///
/// ```
/// use factline::extract::gazetteer::region;
///
/// assert_eq!(region("Alaska").map(|r| r.time_zone), Some("America/Anchorage"));
/// assert_eq!(region("CA").map(|r| r.name), Some("California"));
/// assert_eq!(region("the Donbas").map(|r| r.country), Some("UA"));
/// ```
pub fn region(name: &str) -> Option<Region> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .region_names
        .get_after_article(name)
        .map(|row| gazetteer.regions[row])
}

/// Decides what a bare place name most likely means in news text, in this order:
///
/// 1. a **country** ("Georgia" is the country, "Mexico" is not Mexico City): in international
///    news a country name almost always means the country;
/// 2. a **major city**, one of at least 1,000,000 people or a national capital of at least
///    500,000 ("New York" is the city, "Washington" is the capital, not the state);
/// 3. a **region** ("Alaska", "Victoria" the Australian state rather than the smaller cities);
/// 4. any other **city**.
///
/// A caller that knows better from context ("Atlanta, Georgia") calls [`region`] or [`city`]
/// directly.
///
/// ```
/// use factline::extract::gazetteer::{place, PlaceKind};
///
/// assert!(matches!(place("Georgia"), Some(PlaceKind::Country(c)) if c.code == "GE"));
/// assert!(matches!(place("Washington"), Some(PlaceKind::City(c)) if c.region == Some("District of Columbia")));
/// assert!(matches!(place("Alaska"), Some(PlaceKind::Region(_))));
/// assert!(matches!(place("Anchorage"), Some(PlaceKind::City(_))));
/// ```
pub fn place(name: &str) -> Option<PlaceKind> {
    if let Some(country) = country(name) {
        return Some(PlaceKind::Country(country));
    }
    let city = city_row(name);
    if let Some(row) = city.filter(|row| row.is_major()) {
        return Some(PlaceKind::City(row.city));
    }
    if let Some(region) = region(name) {
        return Some(PlaceKind::Region(region));
    }
    city.map(|row| PlaceKind::City(row.city))
}

/// Like [`place`], for a story written in the country with ISO code `home`: of several cities
/// with the name, one in `home` is meant unless the most populous one elsewhere is more than
/// ten times its size. "Lincoln" in a British report is Lincoln, England (104,000), not
/// Lincoln, Nebraska (295,000); "Paris" in an American one is still Paris, France.
///
/// ```
/// use factline::extract::gazetteer::{place_in, PlaceKind};
///
/// assert!(matches!(place_in("Lincoln", Some("GB")), Some(PlaceKind::City(c)) if c.country == "GB"));
/// assert!(matches!(place_in("Lincoln", None), Some(PlaceKind::City(c)) if c.country == "US"));
/// assert!(matches!(place_in("Paris", Some("US")), Some(PlaceKind::City(c)) if c.country == "FR"));
/// ```
pub fn place_in(name: &str, home: Option<&str>) -> Option<PlaceKind> {
    let found = place(name)?;
    let (Some(home), PlaceKind::City(top)) = (home, found) else {
        return Some(found);
    };
    if top.country == home {
        return Some(found);
    }
    Some(namesake_in(name, home, top.population).map_or(found, PlaceKind::City))
}

/// A city called `name` in country `home`, at least a tenth the size of `population`.
fn namesake_in(name: &str, home: &str, population: u32) -> Option<City> {
    let gazetteer: &'static Gazetteer = &GAZETTEER;
    let key = Key::new(name.trim())?;
    gazetteer
        .namesakes
        .get(key.as_str())?
        .iter()
        .map(|&row| gazetteer.cities[row].city)
        .find(|c| c.country == home && u64::from(c.population) * 10 >= u64::from(population))
}

/// The country (ISO code) of an IANA zone's largest city in the data: the newsroom's country
/// for [`place_in`] ("Europe/London" → "GB").
pub fn country_of_zone(zone: &str) -> Option<&'static str> {
    GAZETTEER.zone_countries.get(zone).copied()
}

/// Whether `name` names a city, region or country the gazetteer knows.
///
/// ```
/// use factline::extract::gazetteer::is_place_name;
///
/// assert!(is_place_name("Ukraine"));
/// assert!(!is_place_name("Zelensky"));
/// ```
pub fn is_place_name(name: &str) -> bool {
    place(name).is_some()
}

/// Cities at least this large count as "major" in [`place`].
const MAJOR_CITY_POPULATION: u32 = 1_000_000;
/// National capitals at least this large count as "major" in [`place`].
const MAJOR_CAPITAL_POPULATION: u32 = 500_000;

const CITIES_TSV: &str = include_str!("../../data/gazetteer/cities.tsv");
const COUNTRIES_TSV: &str = include_str!("../../data/gazetteer/countries.tsv");
const DEMONYMS_TSV: &str = include_str!("../../data/gazetteer/demonyms.tsv");
const REGIONS_TSV: &str = include_str!("../../data/gazetteer/regions.tsv");

/// Separates the names in an aliases field; commas cannot, as in "Washington, D.C.".
const ALIAS_SEPARATOR: char = '|';

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

fn city_row(name: &str) -> Option<&'static CityRow> {
    let gazetteer: &'static Gazetteer = &GAZETTEER;
    gazetteer
        .city_names
        .get(name)
        .map(|row| &gazetteer.cities[row])
}

/// A city with what [`place`] needs beyond the public fields.
#[derive(Debug)]
struct CityRow {
    city: City,
    national_capital: bool,
}

impl CityRow {
    fn is_major(&self) -> bool {
        self.city.population >= MAJOR_CITY_POPULATION
            || (self.national_capital && self.city.population >= MAJOR_CAPITAL_POPULATION)
    }
}

/// The parsed tables, built once from the embedded TSV files.
struct Gazetteer {
    cities: Vec<CityRow>,
    city_names: Names,
    /// Folded city names that more than one city answers to, with all their rows, largest
    /// first, for [`place_in`].
    namesakes: HashMap<Box<str>, Vec<usize>, NameHash>,
    /// IANA zone → country of its largest city.
    zone_countries: HashMap<&'static str, &'static str>,
    countries: Vec<Country>,
    country_names: Names,
    country_codes: HashMap<&'static str, usize>,
    /// Demonym → index into `countries`.
    demonyms: Names,
    /// Index into `countries` → its usual adjective.
    adjectives: HashMap<usize, &'static str>,
    regions: Vec<Region>,
    region_names: Names,
    /// Data rows (or names in them) that could not be used; a test keeps this at zero so that a
    /// bad regeneration of the data fails loudly instead of silently losing places.
    rejected: Vec<String>,
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut gazetteer = Gazetteer {
            cities: Vec::new(),
            city_names: Names::default(),
            namesakes: HashMap::default(),
            zone_countries: HashMap::new(),
            countries: Vec::new(),
            country_names: Names::default(),
            country_codes: HashMap::new(),
            demonyms: Names::default(),
            adjectives: HashMap::new(),
            regions: Vec::new(),
            region_names: Names::default(),
            rejected: Vec::new(),
        };
        gazetteer.load_countries();
        gazetteer.load_demonyms();
        gazetteer.load_regions();
        gazetteer.load_cities();
        gazetteer
    }

    fn load_countries(&mut self) {
        for line in data_lines(COUNTRIES_TSV) {
            let Some([code, code3, name, time_zone, aliases]) = fields(line) else {
                self.rejected.push(format!("countries.tsv: {line}"));
                continue;
            };
            let row = self.countries.len();
            self.countries.push(Country {
                code,
                name,
                time_zone,
            });
            self.country_codes.insert(code, row);
            self.country_codes.insert(code3, row);
            for name in std::iter::once(name).chain(split_aliases(aliases)) {
                self.country_names.insert(name, row, &mut self.rejected);
            }
        }
    }

    fn load_demonyms(&mut self) {
        for line in data_lines(DEMONYMS_TSV) {
            let row = fields(line).and_then(|[adjective, code, primary]| {
                let row = *self.country_codes.get(code)?;
                Some((adjective, row, primary == "primary"))
            });
            let Some((adjective, row, primary)) = row else {
                self.rejected.push(format!("demonyms.tsv: {line}"));
                continue;
            };
            self.demonyms.insert(adjective, row, &mut self.rejected);
            if primary && self.adjectives.insert(row, adjective).is_some() {
                self.rejected
                    .push(format!("demonyms.tsv: second primary: {line}"));
            }
        }
    }

    fn load_regions(&mut self) {
        for line in data_lines(REGIONS_TSV) {
            let Some([name, abbreviation, country, time_zone, aliases]) = fields(line) else {
                self.rejected.push(format!("regions.tsv: {line}"));
                continue;
            };
            let row = self.regions.len();
            self.regions.push(Region {
                name,
                country,
                time_zone,
            });
            let abbreviation = Some(abbreviation).filter(|a| !a.is_empty());
            for name in std::iter::once(name)
                .chain(abbreviation)
                .chain(split_aliases(aliases))
            {
                self.region_names.insert(name, row, &mut self.rejected);
            }
        }
    }

    fn load_cities(&mut self) {
        // Every name a city answers to, kept until all cities are read.
        let mut names: Vec<Vec<&'static str>> = Vec::new();
        for line in data_lines(CITIES_TSV) {
            let parsed = fields(line).and_then(
                |[
                    _id,
                    name,
                    ascii_name,
                    region,
                    country,
                    time_zone,
                    population,
                    capital,
                    aliases,
                ]| {
                    let city = City {
                        name,
                        region: Some(region).filter(|r| !r.is_empty()),
                        country,
                        time_zone,
                        population: population.parse().ok()?,
                    };
                    let row = CityRow {
                        city,
                        national_capital: capital == "country",
                    };
                    let city_names = [name, ascii_name]
                        .into_iter()
                        .chain(split_aliases(aliases))
                        .collect();
                    Some((row, city_names))
                },
            );
            let Some((row, city_names)) = parsed else {
                self.rejected.push(format!("cities.tsv: {line}"));
                continue;
            };
            self.cities.push(row);
            names.push(city_names);
        }
        // Ambiguous names go to the most populous city: index the biggest first, and let the
        // first city to claim a name keep it.
        let mut order: Vec<usize> = (0..self.cities.len()).collect();
        order.sort_by_key(|&row| std::cmp::Reverse(self.cities[row].city.population));
        let mut by_key: HashMap<Box<str>, Vec<usize>, NameHash> = HashMap::default();
        for row in order {
            for &name in &names[row] {
                self.city_names.insert(name, row, &mut self.rejected);
                if let Some(key) = Key::new(name) {
                    let rows = by_key.entry(key.as_str().into()).or_default();
                    if !rows.contains(&row) {
                        rows.push(row);
                    }
                }
            }
            let city = &self.cities[row].city;
            self.zone_countries
                .entry(city.time_zone)
                .or_insert(city.country);
        }
        by_key.retain(|_, rows| rows.len() > 1);
        self.namesakes = by_key;
    }
}

/// The data lines of a TSV file: the header (`#…`) and blank lines left out.
fn data_lines(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Exactly `N` tab-separated fields, or `None` for a malformed line.
fn fields<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut out = [""; N];
    let mut parts = line.split('\t');
    for slot in &mut out {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

fn split_aliases(aliases: &'static str) -> impl Iterator<Item = &'static str> {
    aliases
        .split(ALIAS_SEPARATOR)
        .filter(|alias| !alias.is_empty())
}

/// Name → row, in two tables: ordinary names compared folded, abbreviations compared exactly.
#[derive(Default)]
struct Names {
    folded: HashMap<Box<str>, usize, NameHash>,
    exact: HashMap<&'static str, usize, NameHash>,
    /// Abbreviations claimed by two different rows, which therefore match neither.
    ambiguous: HashSet<&'static str>,
}

/// The tables are fixed data looked up with short names at nearly every capitalised word: see
/// [`super::lexicon::FastHash`].
type NameHash = super::lexicon::FastHash;

impl Names {
    /// Adds `name` for `row`. For an ordinary name the first row to claim it keeps it, so callers
    /// insert in order of preference; an abbreviation claimed twice is dropped.
    fn insert(&mut self, name: &'static str, row: usize, rejected: &mut Vec<String>) {
        if is_abbreviation(name) {
            if self.ambiguous.contains(name) {
                return;
            }
            match self.exact.insert(name, row) {
                Some(previous) if previous != row => {
                    self.exact.remove(name);
                    self.ambiguous.insert(name);
                }
                _ => {}
            }
            return;
        }
        match Key::new(name) {
            Some(key) => {
                self.folded.entry(key.as_str().into()).or_insert(row);
            }
            None => rejected.push(format!("name too long to index: {name}")),
        }
    }

    fn get(&self, name: &str) -> Option<usize> {
        let trimmed = name.trim();
        // Abbreviations have no lower-case letter: a name with one ("Ukrainian") need not be
        // hashed for them.
        let may_be_abbreviation = !trimmed.bytes().any(|b| b.is_ascii_lowercase());
        if may_be_abbreviation && let Some(&row) = self.exact.get(trimmed) {
            return Some(row);
        }
        let key = Key::new(trimmed)?;
        self.folded.get(key.as_str()).copied()
    }

    /// Like [`Names::get`], also trying the name without a leading "the".
    fn get_after_article(&self, name: &str) -> Option<usize> {
        let trimmed = name.trim();
        self.get(trimmed).or_else(|| {
            let rest = trimmed
                .get(..4)
                .filter(|article| article.eq_ignore_ascii_case("the "))
                .and_then(|_| trimmed.get(4..))?;
            self.get(rest)
        })
    }
}

/// An abbreviation is written in capitals (and dots) only: "US", "U.K.", "AK", "NSW".
fn is_abbreviation(name: &str) -> bool {
    name.chars().any(char::is_uppercase) && !name.chars().any(char::is_lowercase)
}

/// Longest folded name, in bytes, that a lookup considers; longer input cannot be a place here.
/// The longest name in the data ("United Kingdom of Great Britain and Northern Ireland") is
/// well under it, which a test checks.
const KEY_CAPACITY: usize = 96;

/// A name folded for comparison, on the stack so that a lookup does not allocate: lower case,
/// accents removed, curly apostrophes and dashes made ASCII, whitespace runs made one space.
struct Key {
    bytes: [u8; KEY_CAPACITY],
    len: usize,
}

impl Key {
    fn new(name: &str) -> Option<Key> {
        let mut key = Key {
            bytes: [0; KEY_CAPACITY],
            len: 0,
        };
        let mut space_pending = false;
        for c in name.trim().chars() {
            if c.is_whitespace() {
                space_pending = true;
                continue;
            }
            if space_pending {
                key.push(' ')?;
                space_pending = false;
            }
            // An ASCII character lowers to one; only the rest needs the Unicode tables.
            if c.is_ascii() {
                key.push_ascii(fold_ascii(c))?;
            } else {
                for lower in c.to_lowercase() {
                    key.push_folded(lower)?;
                }
            }
        }
        Some(key)
    }

    /// Pushes lower-case `lower` as [`fold_char`] folds it.
    fn push_folded(&mut self, lower: char) -> Option<()> {
        match fold_char(lower) {
            Fold::Drop => {}
            Fold::One(base) => self.push(base)?,
            Fold::Two(first, second) => {
                self.push(first)?;
                self.push(second)?;
            }
        }
        Some(())
    }

    /// Pushes one ASCII byte: what [`Key::push`] does for an ASCII char, without encoding it.
    fn push_ascii(&mut self, b: u8) -> Option<()> {
        *self.bytes.get_mut(self.len)? = b;
        self.len += 1;
        Some(())
    }

    fn push(&mut self, c: char) -> Option<()> {
        let end = self.len + c.len_utf8();
        let slot = self.bytes.get_mut(self.len..end)?;
        c.encode_utf8(slot);
        self.len = end;
        Some(())
    }

    fn as_str(&self) -> &str {
        // Only whole chars are ever written, so this never fails.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// [`fold_char`] of an ASCII char after lowering it, as one byte: the letters' lower case, the
/// backtick an apostrophe, the rest as written. Names are nearly all ASCII, and this spares
/// them the walk through the Unicode table.
fn fold_ascii(c: char) -> u8 {
    match c.to_ascii_lowercase() {
        '`' => b'\'',
        lower => lower as u8,
    }
}

enum Fold {
    Drop,
    One(char),
    Two(char, char),
}

/// Folds one lower-case char. The letter table covers Latin-1, Latin Extended-A/B and Latin
/// Extended Additional (Vietnamese), the scripts GeoNames uses for its names; it was generated
/// from Unicode's decompositions, and a test checks it against the ASCII names in the data.
fn fold_char(c: char) -> Fold {
    let base = match c {
        '\u{0300}'..='\u{036f}' => return Fold::Drop,
        '‘' | '’' | 'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '´' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        'ß' => return Fold::Two('s', 's'),
        'æ' => return Fold::Two('a', 'e'),
        'œ' => return Fold::Two('o', 'e'),
        'þ' => return Fold::Two('t', 'h'),
        'ĳ' => return Fold::Two('i', 'j'),
        'ǆ' | 'ǳ' => return Fold::Two('d', 'z'),
        'ǉ' => return Fold::Two('l', 'j'),
        'ǌ' => return Fold::Two('n', 'j'),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ǟ' | 'ǡ' | 'ǻ' | 'ȁ' | 'ȃ'
        | 'ȧ' | 'ḁ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => {
            'a'
        }
        'ḃ' | 'ḅ' | 'ḇ' => 'b',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'ḉ' => 'c',
        'ð' | 'ď' | 'đ' | 'ḋ' | 'ḍ' | 'ḏ' | 'ḑ' | 'ḓ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ȅ' | 'ȇ' | 'ȩ' | 'ḕ' | 'ḗ' | 'ḙ'
        | 'ḛ' | 'ḝ' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ḟ' => 'f',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' | 'ḡ' => 'g',
        'ĥ' | 'ħ' | 'ȟ' | 'ḣ' | 'ḥ' | 'ḧ' | 'ḩ' | 'ḫ' | 'ẖ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' | 'ḭ' | 'ḯ' | 'ỉ'
        | 'ị' => 'i',
        'ĵ' | 'ǰ' => 'j',
        'ķ' | 'ǩ' | 'ḱ' | 'ḳ' | 'ḵ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'ḷ' | 'ḹ' | 'ḻ' | 'ḽ' => 'l',
        'ḿ' | 'ṁ' | 'ṃ' => 'm',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ǹ' | 'ṅ' | 'ṇ' | 'ṉ' | 'ṋ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ǫ' | 'ǭ' | 'ȍ' | 'ȏ'
        | 'ȫ' | 'ȭ' | 'ȯ' | 'ȱ' | 'ṍ' | 'ṏ' | 'ṑ' | 'ṓ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ'
        | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => 'o',
        'ṕ' | 'ṗ' => 'p',
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' | 'ṙ' | 'ṛ' | 'ṝ' | 'ṟ' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' | 'ș' | 'ṡ' | 'ṣ' | 'ṥ' | 'ṧ' | 'ṩ' | 'ẛ' => {
            's'
        }
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṫ' | 'ṭ' | 'ṯ' | 'ṱ' | 'ẗ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ'
        | 'ǜ' | 'ȕ' | 'ȗ' | 'ṳ' | 'ṵ' | 'ṷ' | 'ṹ' | 'ṻ' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ'
        | 'ự' => 'u',
        'ṽ' | 'ṿ' => 'v',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' | 'ẇ' | 'ẉ' | 'ẘ' => 'w',
        'ẋ' | 'ẍ' => 'x',
        'ý' | 'ÿ' | 'ŷ' | 'ȳ' | 'ẏ' | 'ẙ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẑ' | 'ẓ' | 'ẕ' => 'z',
        other => other,
    };
    Fold::One(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(name: &str) -> String {
        Key::new(name)
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default()
    }

    #[test]
    fn ascii_folds_as_the_unicode_table_folds_it() {
        for b in 0u8..128 {
            let c = char::from(b);
            let expected = match fold_char(c.to_ascii_lowercase()) {
                Fold::One(base) => base,
                _ => panic!("{c:?} folds to more or less than one char"),
            };
            assert_eq!(char::from(fold_ascii(c)), expected, "{c:?}");
        }
    }

    #[test]
    fn every_data_row_loads() {
        let gazetteer = &*GAZETTEER;
        assert!(gazetteer.rejected.is_empty(), "{:#?}", gazetteer.rejected);
        assert!(gazetteer.cities.len() > 5_000, "{}", gazetteer.cities.len());
        assert!(
            gazetteer.countries.len() > 240,
            "{}",
            gazetteer.countries.len()
        );
        assert!(gazetteer.regions.len() > 100, "{}", gazetteer.regions.len());
        assert!(gazetteer.demonyms.folded.len() > 190);
    }

    #[test]
    fn every_zone_is_known_to_jiffs_tzdb() {
        let gazetteer = &*GAZETTEER;
        let zones: HashSet<&str> = gazetteer
            .cities
            .iter()
            .map(|row| row.city.time_zone)
            .chain(gazetteer.countries.iter().map(|c| c.time_zone))
            .chain(gazetteer.regions.iter().map(|r| r.time_zone))
            .collect();
        let unknown: Vec<&&str> = zones
            .iter()
            .filter(|zone| jiff::tz::db().get(zone).is_err())
            .collect();
        assert!(unknown.is_empty(), "zones jiff does not know: {unknown:?}");
    }

    #[test]
    fn fold_agrees_with_the_ascii_names_in_the_data() {
        // The generator derives ascii_name from Unicode decompositions; the hand-written fold
        // table must give the same key, or accented queries would miss.
        let mismatches: Vec<(String, String)> = data_lines(CITIES_TSV)
            .filter_map(fields::<9>)
            .filter(|[_, name, ascii, ..]| folded(name) != folded(ascii))
            .map(|[_, name, ascii, ..]| (name.to_owned(), ascii.to_owned()))
            .collect();
        assert!(mismatches.is_empty(), "{mismatches:?}");
    }

    #[test]
    fn fold_lowercases_strips_accents_and_normalises_punctuation() {
        assert_eq!(folded("  Québec  "), "quebec");
        assert_eq!(folded("ÜRÜMQI"), "urumqi");
        assert_eq!(folded("Xi’an"), "xi'an");
        assert_eq!(folded("Guinea–Bissau"), "guinea-bissau");
        assert_eq!(folded("New \t York"), "new york");
        assert_eq!(folded("Straße"), "strasse");
        assert!(Key::new(&"x".repeat(KEY_CAPACITY + 1)).is_none());
    }

    #[test]
    fn anchorage_is_in_alaska() {
        let anchorage = city("Anchorage").expect("Anchorage");
        assert_eq!(anchorage.time_zone, "America/Anchorage");
        assert_eq!(anchorage.region, Some("Alaska"));
        assert_eq!(anchorage.country, "US");
    }

    #[test]
    fn ambiguous_city_names_go_to_the_most_populous() {
        assert_eq!(city("London").map(|c| c.time_zone), Some("Europe/London"));
        assert_eq!(city("Birmingham").map(|c| c.country), Some("GB"));
        assert_eq!(city("Odessa").map(|c| c.country), Some("UA"));
        let washington = city("Washington").expect("Washington");
        assert_eq!(washington.region, Some("District of Columbia"));
        assert_eq!(washington.time_zone, "America/New_York");
    }

    #[test]
    fn cities_match_exonyms_and_accentless_spellings() {
        for name in ["Kyiv", "Kiev", "KYIV", "kyiv"] {
            assert_eq!(
                city(name).map(|c| c.time_zone),
                Some("Europe/Kyiv"),
                "{name}"
            );
        }
        assert_eq!(city("Seoul").map(|c| c.time_zone), Some("Asia/Seoul"));
        assert_eq!(city("Tokyo").map(|c| c.time_zone), Some("Asia/Tokyo"));
        assert_eq!(city("Koln"), city("Köln"));
        assert_eq!(city("Cologne"), city("Köln"));
        assert_eq!(city("Quebec").map(|c| c.name), Some("Québec"));
        assert_eq!(city("Washington, D.C.").map(|c| c.country), Some("US"));
    }

    #[test]
    fn countries_by_common_names_and_abbreviations() {
        for name in ["US", "U.S.", "USA", "the US", "America", "United States"] {
            assert_eq!(
                country(name).map(|c| c.name),
                Some("United States"),
                "{name}"
            );
        }
        for name in ["UK", "the UK", "U.K.", "Britain", "Great Britain"] {
            assert_eq!(country(name).map(|c| c.code), Some("GB"), "{name}");
        }
        assert_eq!(
            country("Russia").map(|c| c.time_zone),
            Some("Europe/Moscow")
        );
        assert_eq!(country("South Korea").map(|c| c.code), Some("KR"));
        assert_eq!(country("North Korea").map(|c| c.code), Some("KP"));
        assert_eq!(
            country("the Netherlands").map(|c| c.name),
            Some("Netherlands")
        );
        assert_eq!(country("Côte d’Ivoire").map(|c| c.code), Some("CI"));
        assert_eq!(country("Ukraine").map(|c| c.time_zone), Some("Europe/Kyiv"));
    }

    #[test]
    fn ordinary_words_are_not_abbreviations() {
        assert_eq!(country("us"), None);
        assert_eq!(country("Us"), None);
        assert_eq!(region("in"), None);
        assert_eq!(region("me"), None);
        assert_eq!(demonym("us"), None);
        assert!(!is_place_name("the"));
    }

    #[test]
    fn country_codes() {
        assert_eq!(country_by_code("US").map(|c| c.name), Some("United States"));
        assert_eq!(country_by_code("ua").map(|c| c.name), Some("Ukraine"));
        assert_eq!(country_by_code("RUS").map(|c| c.code), Some("RU"));
        assert_eq!(country_by_code("ZZ"), None);
        assert_eq!(country_by_code("U"), None);
    }

    #[test]
    fn demonyms_name_their_countries() {
        assert_eq!(demonym("Ukrainian").map(|c| c.name), Some("Ukraine"));
        assert_eq!(demonym("American").map(|c| c.code), Some("US"));
        assert_eq!(demonym("US").map(|c| c.code), Some("US"));
        assert_eq!(demonym("British").map(|c| c.code), Some("GB"));
        assert_eq!(demonym("Russian").map(|c| c.code), Some("RU"));
        assert_eq!(demonym("German").map(|c| c.code), Some("DE"));
        assert_eq!(demonym("south korean").map(|c| c.code), Some("KR"));
        assert_eq!(demonym("European"), None);
    }

    #[test]
    fn adjectives_of_countries() {
        assert_eq!(adjective_of("UA"), Some("Ukrainian"));
        assert_eq!(adjective_of("US"), Some("American"));
        assert_eq!(adjective_of("GB"), Some("British"));
        assert_eq!(adjective_of("IS"), Some("Icelandic"));
        assert_eq!(adjective_of("KR"), Some("South Korean"));
        assert_eq!(adjective_of("ZZ"), None);
        // Every adjective leads back to its country.
        let gazetteer = &*GAZETTEER;
        for (&row, adjective) in &gazetteer.adjectives {
            assert_eq!(
                demonym(adjective),
                Some(gazetteer.countries[row]),
                "{adjective}"
            );
        }
        assert!(gazetteer.adjectives.len() > 190);
    }

    #[test]
    fn regions_and_their_zones() {
        let alaska = region("Alaska").expect("Alaska");
        assert_eq!(
            (alaska.country, alaska.time_zone),
            ("US", "America/Anchorage")
        );
        assert_eq!(region("AK"), Some(alaska));
        assert_eq!(
            region("Hawaii").map(|r| r.time_zone),
            Some("Pacific/Honolulu")
        );
        assert_eq!(
            region("California").map(|r| r.time_zone),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            region("Texas").map(|r| r.time_zone),
            Some("America/Chicago")
        );
        assert_eq!(
            region("Arizona").map(|r| r.time_zone),
            Some("America/Phoenix")
        );
        assert_eq!(region("Scotland").map(|r| r.country), Some("GB"));
        assert_eq!(region("Crimea").map(|r| r.country), Some("UA"));
        assert_eq!(
            region("Bavaria").map(|r| r.time_zone),
            Some("Europe/Berlin")
        );
        // Shared by Australia's and Canada's Northern Territories: matches neither.
        assert_eq!(region("NT"), None);
    }

    #[test]
    fn place_prefers_country_then_major_city_then_region() {
        assert!(matches!(place("Georgia"), Some(PlaceKind::Country(c)) if c.code == "GE"));
        assert!(matches!(place("Washington"), Some(PlaceKind::City(c)) if c.country == "US"));
        assert!(matches!(place("New York"), Some(PlaceKind::City(_))));
        assert!(matches!(place("Alaska"), Some(PlaceKind::Region(_))));
        assert!(matches!(place("Victoria"), Some(PlaceKind::Region(r)) if r.country == "AU"));
        assert!(matches!(place("Anchorage"), Some(PlaceKind::City(_))));
        assert!(matches!(place("the US"), Some(PlaceKind::Country(_))));
    }

    #[test]
    fn unknown_names_are_none() {
        for name in ["Atlantis", "Narnia", "", "   ", "Mr Smith", "Friday"] {
            assert_eq!(place(name), None, "{name}");
            assert_eq!(city(name), None, "{name}");
            assert_eq!(country(name), None, "{name}");
            assert_eq!(region(name), None, "{name}");
            assert_eq!(demonym(name), None, "{name}");
        }
    }
}
