#!/usr/bin/python3
"""Writes synthetic event files in the GDELT 2.0 export format (61 tab-separated columns, no
header, as the ".export.CSV" files) or the ICEWS format (tab-separated with a header), for
liaison's GDELT and ICEWS importers (docs/interchange.md) and their benchmark
(docs/performance.md, "GDELT").

The structure follows the GDELT Event Codebook 2.0: dyadic CAMEO events, actors as country
codes, country roles (GOV, MIL, COP, SPY, JUD, ...) and named actors, CAMEO event codes mixed
as news coverage mixes them (statements and consultations common, material cooperation rare),
Goldstein scores by root code, heavy-tailed mention counts, tone, three geography blocks, the
date added and a source URL cited by a few events each. Country popularity is Zipf-like, and
about one event in ten has no second actor. Named actors are synthetic and say so ("MAR
OFFICIAL 17"): no real or invented person's name appears.

Deterministic: the same --seed and N give the same bytes.

Usage: gdelt_generate.py N -o FILE [--format gdelt|icews] [--seed S] [--actors K]
"""
import argparse
import random
import sys

# ISO 3166-1 alpha-3 codes: the country actors GDELT codes most, first (Zipf rank order).
COUNTRIES = (
    "USA CHN RUS GBR ISR IRN IND FRA DEU UKR TUR PAK SYR JPN AUS CAN KOR PRK SAU EGY AFG IRQ "
    "NGA ZAF ITA MEX BRA ESP PSE LBN QAT ARE YEM LBY IDN PHL MYS VNM THA BGD LKA NPL MMR KEN "
    "ETH SOM SDN SSD UGA TZA RWA COD CMR GHA CIV SEN MLI NER BFA TCD MAR DZA TUN JOR KWT BHR "
    "OMN AZE ARM GEO KAZ UZB TKM KGZ TJK BLR POL CZE SVK HUN ROU BGR SRB HRV BIH SVN GRC CYP "
    "ALB MKD MNE NLD BEL LUX CHE AUT SWE NOR DNK FIN ISL IRL PRT ARG CHL PER COL VEN ECU BOL "
    "PRY URY CUB HTI DOM JAM GTM HND SLV NIC CRI PAN NZL FJI PNG SGP KHM LAO MNG TWN BTN MDV "
    "MUS MDG MOZ ZWE ZMB MWI AGO NAM BWA LSO SWZ BEN TGO GIN GMB SLE LBR GNB MRT ERI DJI BDI "
    "CAF COG GAB GNQ STP CPV COM SYC EST LVA LTU MDA MLT AND MCO LIE SMR BRN TLS SLB VUT WSM "
    "TON KIR FSM MHL PLW NRU TUV BRB TTO BHS BLZ GUY SUR GRD LCA VCT ATG DMA KNA"
).split()
# English names of the countries ICEWS files name (ICEWS writes names, not codes).
NAMES = {
    "USA": "United States", "CHN": "China", "RUS": "Russia", "GBR": "United Kingdom",
    "ISR": "Israel", "IRN": "Iran", "IND": "India", "FRA": "France", "DEU": "Germany",
    "UKR": "Ukraine", "TUR": "Turkey", "PAK": "Pakistan", "SYR": "Syria", "JPN": "Japan",
    "AUS": "Australia", "CAN": "Canada", "KOR": "South Korea", "PRK": "North Korea",
    "SAU": "Saudi Arabia", "EGY": "Egypt", "AFG": "Afghanistan", "IRQ": "Iraq",
    "NGA": "Nigeria", "ZAF": "South Africa", "ITA": "Italy", "MEX": "Mexico", "BRA": "Brazil",
    "ESP": "Spain", "PSE": "Occupied Palestinian Territory", "LBN": "Lebanon", "QAT": "Qatar",
    "ARE": "United Arab Emirates", "YEM": "Yemen", "LBY": "Libya", "IDN": "Indonesia",
    "PHL": "Philippines", "MYS": "Malaysia", "VNM": "Vietnam", "THA": "Thailand",
    "BGD": "Bangladesh", "KEN": "Kenya", "ETH": "Ethiopia", "SOM": "Somalia", "SDN": "Sudan",
    "MAR": "Morocco", "DZA": "Algeria", "TUN": "Tunisia", "JOR": "Jordan", "KWT": "Kuwait",
    "BHR": "Bahrain", "OMN": "Oman", "AUT": "Austria", "SEN": "Senegal", "MLI": "Mali",
}
REGIONS = "AFR ASA EUR MEA WST LAM SAS SEA NAF WAF".split()
# Actor types: code and its share of typed actors.
TYPES = [("GOV", 40), ("MIL", 14), ("COP", 10), ("JUD", 5), ("SPY", 3), ("LEG", 5), ("BUS", 6),
         ("MED", 4), ("CVL", 5), ("OPP", 3), ("REB", 2), ("INS", 2), ("EDU", 1)]
ROLE_NAMES = {"GOV": "GOVERNMENT", "MIL": "MILITARY", "COP": "POLICE", "JUD": "COURT",
              "SPY": "INTELLIGENCE", "LEG": "PARLIAMENT", "BUS": "COMPANY", "MED": "MEDIA",
              "CVL": "CIVILIAN", "OPP": "OPPOSITION", "REB": "REBEL", "INS": "INSURGENT",
              "EDU": "UNIVERSITY"}
IGOS = [("IGOUNO", "UNITED NATIONS"), ("IGOEEC", "EUROPEAN UNION"), ("IGOWSTNAT", "NATO"),
        ("IGOAFRAU", "AFRICAN UNION"), ("IGOARBLEA", "ARAB LEAGUE"), ("IGOINTPOL", "INTERPOL")]
# CAMEO event codes and their weight in coverage (a rough shape of GDELT's mix).
CODES = [("010", 12), ("011", 2), ("012", 2), ("013", 2), ("014", 1), ("015", 1), ("016", 1),
         ("017", 1), ("018", 1), ("019", 1), ("020", 3), ("036", 5), ("030", 2), ("040", 8),
         ("041", 2), ("042", 6), ("043", 5), ("044", 1), ("045", 1), ("046", 3), ("050", 2),
         ("051", 4), ("057", 2), ("060", 1), ("061", 1), ("062", 1), ("063", 1), ("064", 1),
         ("070", 1), ("071", 1), ("080", 1), ("090", 1), ("100", 1), ("111", 2), ("112", 3),
         ("120", 1), ("130", 2), ("141", 1), ("160", 1), ("173", 2), ("190", 3), ("193", 2),
         ("180", 2), ("200", 1)]
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
             "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5,
             "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3,
        "10": 3, "11": 3, "12": 3, "13": 3, "14": 3, "15": 4, "16": 3, "17": 4, "18": 4,
        "19": 4, "20": 4}
OUTLETS = ["news.example.com", "daily.example.org", "wire.example.net", "herald.example.com",
           "times.example.org", "post.example.net", "observer.example.com"]


def zipf_weights(n, s=1.1):
    return [1.0 / (k + 1) ** s for k in range(n)]


def build_actors(rng, named):
    """Every actor as its 10 GDELT columns (tab-joined) plus its ICEWS name, sectors and
    country; returns (actors, weights)."""
    actors, weights = [], []
    cw = zipf_weights(len(COUNTRIES))
    for i, c in enumerate(COUNTRIES):  # the countries themselves
        name = NAMES.get(c, c).upper()
        actors.append(("\t".join([c, name, c, "", "", "", "", "", "", ""]),
                       NAMES.get(c, c), "", NAMES.get(c, c)))
        weights.append(cw[i] * 4)
    for r in REGIONS:
        actors.append(("\t".join([r, r, r, "", "", "", "", "", "", ""]), r, "", ""))
        weights.append(0.05)
    type_codes = [t for t, _ in TYPES]
    type_weights = [w for _, w in TYPES]
    for i, c in enumerate(COUNTRIES):  # country roles: "MAR" + "COP", named by the country
        for t, w in TYPES:
            name = NAMES.get(c, c).upper()
            actors.append(("\t".join([c + t, name, c, "", "", "", "", t, "", ""]),
                           f"{ROLE_NAMES[t].title()} ({NAMES.get(c, c)})", ROLE_NAMES[t].title(),
                           NAMES.get(c, c)))
            weights.append(cw[i] * w / 25)
    for code, name in IGOS:
        actors.append(("\t".join([code, name, "", code[3:6], "", "", "", "IGO", "", ""]),
                       name.title(), "International Government Organizations", ""))
        weights.append(0.3)
    for k in range(named):  # named actors: synthetic, and named so
        c = rng.choices(COUNTRIES, cw)[0]
        t = rng.choices(type_codes, type_weights)[0]
        word = "OFFICIAL" if t in ("GOV", "MIL", "COP", "JUD", "SPY", "LEG") else ROLE_NAMES[t]
        name = f"{c} {word} {k}"
        actors.append(("\t".join([c + t, name, c, "", "", "", "", t, "", ""]), name.title(),
                       "Government" if word == "OFFICIAL" else ROLE_NAMES[t].title(),
                       NAMES.get(c, c)))
        weights.append(0.02 / (1 + k % 50))
    return actors, weights


def cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def geo_block(rng, country):
    lat = round(rng.uniform(-50, 60), 4)
    lon = round(rng.uniform(-120, 140), 4)
    return "\t".join(["1", f"Place {country}", country[:2], country[:2], "", str(lat), str(lon),
                      country])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of events")
    ap.add_argument("-o", "--output", required=True, help="file to write ('-' for stdout)")
    ap.add_argument("--format", choices=["gdelt", "icews"], default="gdelt")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--actors", type=int, default=0,
                    help="named actors (default: 5,000 per million events, 2,000 to 20,000)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    named = a.actors or max(2000, min(20000, a.n // 200))
    actors, weights = build_actors(rng, named)
    if a.format == "icews":  # ICEWS names countries: only actors of the countries in NAMES
        keep = [i for i, x in enumerate(actors) if x[3] in NAMES.values() or x[2].startswith(
            "International")]
        actors = [actors[i] for i in keep]
        weights = [weights[i] for i in keep]
    cum = cumulative(weights)
    code_list = [c for c, _ in CODES]
    code_cum = cumulative([w for _, w in CODES])
    geos = {c: geo_block(rng, c) for c in COUNTRIES + REGIONS}
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8", newline="\n")
    if a.format == "icews":
        out.write("\t".join(["Event ID", "Event Date", "Source Name", "Source Sectors",
                             "Source Country", "Event Text", "CAMEO Code", "Intensity",
                             "Target Name", "Target Sectors", "Target Country", "Story ID",
                             "Sentence Number", "Publisher", "City", "District", "Province",
                             "Country", "Latitude", "Longitude"]) + "\n")
    event_id = 1_000_000_000
    url_serial = 0
    url = ""
    batch = 100_000
    done = 0
    while done < a.n:
        k = min(batch, a.n - done)
        src = rng.choices(range(len(actors)), cum_weights=cum, k=k)
        dst = rng.choices(range(len(actors)), cum_weights=cum, k=k)
        codes = rng.choices(code_list, cum_weights=code_cum, k=k)
        lines = []
        for i in range(k):
            event_id += 1
            s = actors[src[i]]
            t = actors[dst[i]] if rng.random() > 0.1 else None  # one-sided events
            code = codes[i]
            root = code[:2]
            day = rng.randrange(0, 3650)  # 2015-02-19 onwards, ten years
            y, m, d = civil(16485 + day)
            if url_serial == 0 or rng.random() < 0.35:  # a new article every ~3 events
                url_serial += 1
                url = (f"https://{OUTLETS[url_serial % len(OUTLETS)]}/{y}/{m:02d}/"
                       f"story-{url_serial}.html")
            mentions = int(rng.paretovariate(1.5)) + 1
            tone = round(rng.gauss(-2.0, 3.5), 6)
            gold = GOLDSTEIN[root]
            if a.format == "gdelt":
                sa = s[0]
                ta = t[0] if t else "\t" * 9
                country = sa.split("\t", 3)[2] or "USA"
                geo = geos.get(country, geos["USA"])
                lines.append("\t".join([
                    str(event_id), f"{y}{m:02d}{d:02d}", f"{y}{m:02d}", str(y),
                    f"{y + (m - 1) / 12 + d / 365:.4f}", sa, ta, "1" if i % 3 else "0", code,
                    code, root, str(QUAD[root]), str(gold), str(mentions),
                    str(max(1, mentions // 2)), str(mentions), str(tone), geo, geo, geo,
                    f"{y}{m:02d}{d:02d}{rng.randrange(24):02d}{rng.randrange(0, 60, 15):02d}00",
                    url]))
            else:
                if t is None:
                    continue
                lines.append("\t".join([
                    str(event_id), f"{y}-{m:02d}-{d:02d}", s[1], s[2], s[3], "", code, str(gold),
                    t[1], t[2], t[3], str(url_serial), "1", OUTLETS[url_serial % len(OUTLETS)],
                    "", "", "", s[3], "", ""]))
        out.write("\n".join(lines))
        out.write("\n")
        done += k
    if out is not sys.stdout:
        out.close()


def civil(z):
    """(year, month, day) of a count of days since 1970-01-01."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


if __name__ == "__main__":
    main()
