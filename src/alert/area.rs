//! Areas: the gazetteer of `grammars/gazetteer.tsv` (country, weather regions, the 63 provinces
//! until 30 June 2025, the 34 units from 1 July 2025, sea areas, islands) and the questions the
//! alert engine asks of it:
//!
//! - [`Gazetteer::lookup`]: which area a subscriber typed;
//! - [`Gazetteer::mentions`]: which areas a section heading or a fact's `where` names;
//! - [`Gazetteer::concerns`]: whether a bulletin about one area concerns a subscriber to another;
//! - [`Gazetteer::faces`]: whether a sea area faces a subscriber's coast.
//!
//! Names are matched on [`fold`]ed text (no diacritics, `đ` → `d`, lower case, one space between
//! words), because bulletins and subscribers write the same name with and without accents, in
//! upper case, with hyphens or dots ("TP.HCM", "Thừa Thiên - Huế").
//!
//! An old province and a 2025 unit with the same name ("Cà Mau") are one name for two units: each
//! answers to the other's aliases too ("TP HCM" names both TP Hồ Chí Minh rows), because a
//! bulletin written after July 2025 means the new unit by the old spelling and one written before
//! means the old one.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One unit of the gazetteer: an index into the [`Gazetteer`] that made it. An `AreaId` used
/// with another gazetteer gives meaningless answers (never a panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaId(u16);

/// What a unit of the gazetteer is (column 1 of the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// Việt Nam.
    Country,
    /// Bắc Bộ, Trung Bộ, Nam Bộ.
    Macro,
    /// A weather region of the forecasts (Tây Bắc Bộ, Tây Nguyên…).
    Region,
    /// One of the 63 provinces and cities in force until 30 June 2025.
    Province,
    /// One of the 34 provincial units in force from 1 July 2025.
    // Spelled as in the file rather than serde's "province2025".
    #[serde(rename = "province_2025")]
    Province2025,
    /// A sea area of the marine bulletins.
    Sea,
    /// An island or island district.
    Island,
}

impl AreaKind {
    fn parse(s: &str) -> Option<AreaKind> {
        Some(match s {
            "country" => AreaKind::Country,
            "macro" => AreaKind::Macro,
            "region" => AreaKind::Region,
            "province" => AreaKind::Province,
            "province_2025" => AreaKind::Province2025,
            "sea" => AreaKind::Sea,
            "island" => AreaKind::Island,
            _ => return None,
        })
    }
}

/// Why a gazetteer text was refused. Lines are numbered from 1.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A line that does not follow the format (columns, kind, id, number, a `now` of the wrong
    /// kind…).
    #[error("gazetteer line {line}: {message}")]
    Malformed { line: usize, message: String },
    /// An `in` or `now` cell names an id that no line defines.
    #[error("gazetteer line {line}: unknown id `{id}`")]
    UnknownId { line: usize, id: String },
    /// Two lines define the same id.
    #[error("gazetteer line {line}: id `{id}` is already defined on line {first}")]
    DuplicateId { line: usize, id: String, first: usize },
    /// Following `in` (and a province's `now`) from `id` leads back to `id`.
    #[error("gazetteer line {line}: `{id}` lies in itself (a cycle through `in`/`now`)")]
    Cycle { line: usize, id: String },
}

/// What a subscriber typed names no area.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum LookupError {
    /// No area has this name; `suggestions`: up to 3 names closest to it (strsim on folded
    /// text), best first.
    #[error("no area is named “{typed}”{}", did_you_mean(.suggestions))]
    Unknown { typed: String, suggestions: Vec<String> },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

#[derive(Debug)]
struct Unit {
    id: String,
    name: String,
    kind: AreaKind,
    /// Old coastal provinces: order along the coast (1 = Quảng Ninh … 28 = Kiên Giang).
    coast: Option<u16>,
    /// Province: its 2025 unit. Sea: the old provinces it faces.
    now: Vec<AreaId>,
    line: usize,
}

/// The areas of a gazetteer file, with the indexes the alert engine needs.
#[derive(Debug, Default)]
pub struct Gazetteer {
    units: Vec<Unit>,
    by_id: HashMap<String, AreaId>,
    /// Folded name or alias → the units it names (sorted).
    keys: HashMap<String, Vec<AreaId>>,
    /// For each key, the diacritics of the spellings it was folded from, word by word: a text
    /// written with diacritics must carry the same ones ("biển động", rough sea, is not "Biển
    /// Đông"; "có tố" is not "Cô Tô"), a text written without any matches all.
    forms: HashMap<String, Vec<Vec<String>>>,
    /// First word of a key → the most words a key starting with it has, so that `mentions` tries
    /// only the lengths that can match.
    first_words: HashMap<String, usize>,
    /// (folded, as written) for every name and alias, for suggestions.
    spellings: Vec<(String, String)>,
    /// u64 words per bitset row.
    row_words: usize,
    /// Row `a`: the ancestors of `a`, `a` included.
    ancestors: Vec<u64>,
    /// Row of a sea: every unit that contains a province the sea faces.
    facing: Vec<u64>,
    /// Per unit, the coast numbers it covers: an old coastal province its own, a 2025 unit its
    /// constituents'.
    coasts: Vec<Vec<u16>>,
    /// (coast number, old province), sorted.
    coastal: Vec<(u16, AreaId)>,
}

const SHIPPED: &str = include_str!("../../grammars/gazetteer.tsv");

static GAZETTEER: LazyLock<Gazetteer> =
    // The file is part of the build and checked by `tests::shipped_file_loads`; a broken line
    // must not take the engine down at run time, so it then knows no area at all.
    LazyLock::new(|| Gazetteer::from_tsv(SHIPPED).unwrap_or_default());

/// The gazetteer shipped in `grammars/gazetteer.tsv` (empty if that file were broken).
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// Text folded for matching: NFD, combining marks removed, `đ`/`Đ` → `d`, lower case, every run
/// of non-alphanumeric characters → one space, trimmed. "Thừa Thiên - Huế" → "thua thien hue",
/// "TP.HCM" → "tp hcm".
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

/// Folded text with its words located, and whether a dash stood before each word (folding
/// erases the dash of "vùng biển Bình Thuận - Cà Mau", which marks a strip of coast).
struct Folded {
    text: String,
    words: Vec<Word>,
    /// Each word's diacritics (combining marks, and "đ"), sorted: what folding erased.
    marks: Vec<String>,
}

#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    dash_before: bool,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

impl Folded {
    fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut words = Vec::new();
        let mut marks: Vec<String> = Vec::new();
        let mut current: Option<Word> = None;
        let mut current_marks: Vec<char> = Vec::new();
        let mut dash = false;
        for c in s.nfd() {
            if is_combining_mark(c) {
                if current.is_some() {
                    current_marks.push(c);
                }
                continue;
            }
            // đ has no decomposition, so NFD leaves it whole.
            let stroke = c == 'đ' || c == 'Đ';
            let c = if stroke { 'd' } else { c };
            for c in c.to_lowercase().filter(|&c| !is_combining_mark(c)) {
                if c.is_alphanumeric() {
                    if current.is_none() {
                        if !words.is_empty() {
                            text.push(' ');
                        }
                        current = Some(Word { start: text.len(), end: 0, dash_before: dash });
                        dash = false;
                    }
                    if stroke {
                        current_marks.push('đ');
                    }
                    text.push(c);
                } else {
                    if let Some(mut w) = current.take() {
                        w.end = text.len();
                        words.push(w);
                        current_marks.sort_unstable();
                        marks.push(current_marks.drain(..).collect());
                    }
                    dash |= is_dash(c);
                }
            }
        }
        if let Some(mut w) = current {
            w.end = text.len();
            words.push(w);
            current_marks.sort_unstable();
            marks.push(current_marks.drain(..).collect());
        }
        Folded { text, words, marks }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).and_then(|w| self.text.get(w.start..w.end))
    }

    /// Words `i..j` (j exclusive) as they stand in `text`: one space between them.
    fn span(&self, i: usize, j: usize) -> Option<&str> {
        let start = self.words.get(i)?.start;
        let end = self.words.get(j.checked_sub(1)?)?.end;
        self.text.get(start..end)
    }
}

/// Leading words a subscriber may type before a name ("tỉnh Bạc Liêu"), folded.
const LOOKUP_PREFIXES: [&str; 5] = ["tinh ", "thanh pho ", "tp ", "khu vuc ", "vung bien "];
/// "từ X đến Y", "from X to Y".
const STRIP_TO: [&str; 3] = ["den", "toi", "to"];
/// Words that make a strip a strip of sea.
const SEA_WORDS: [&str; 6] = ["bien", "sea", "coastal", "coast", "waters", "offshore"];
/// A compass word before an end of a strip ("từ Nam Quảng Trị đến Quảng Ngãi").
const COMPASS: [&str; 4] = ["bac", "nam", "dong", "tay"];
/// Words that join two names sharing their last words ("Bắc và Giữa Biển Đông").
const CONJUNCTIONS: [&str; 2] = ["va", "and"];
/// Suggestions below this similarity are noise.
const MIN_SIMILARITY: f64 = 0.5;

/// One line of the file, before ids are resolved.
struct Row<'a> {
    line: usize,
    kind: AreaKind,
    id: &'a str,
    name: &'a str,
    parents: Vec<&'a str>,
    now: Vec<&'a str>,
    coast: Option<u16>,
    aliases: Vec<&'a str>,
}

fn list(cell: &str) -> Option<Vec<&str>> {
    if cell == "-" {
        return Some(Vec::new());
    }
    let items: Vec<&str> = cell.split('|').map(str::trim).collect();
    if items.iter().any(|s| s.is_empty()) { None } else { Some(items) }
}

fn parse_row(line: usize, text: &str) -> Result<Row<'_>, GazetteerError> {
    let bad = |message: String| GazetteerError::Malformed { line, message };
    let cells: Vec<&str> = text.split('\t').map(str::trim).collect();
    let [kind, id, name, parents, now, coast, aliases] = cells.as_slice() else {
        return Err(bad(format!("expected 7 tab-separated columns, found {}", cells.len())));
    };
    let kind = AreaKind::parse(kind).ok_or_else(|| bad(format!("unknown kind `{kind}`")))?;
    let id_ok = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !id_ok {
        return Err(bad(format!("id `{id}` is not snake_case ASCII")));
    }
    if *name == "-" || fold(name).is_empty() {
        return Err(bad(format!("`{id}` has no name")));
    }
    let coast = match *coast {
        "-" => None,
        n => match n.parse::<u16>() {
            Ok(n) if n > 0 && kind == AreaKind::Province => Some(n),
            Ok(_) if kind != AreaKind::Province => {
                return Err(bad(format!("`{id}`: only an old province has a coast number")));
            }
            _ => return Err(bad(format!("`{id}`: coast `{n}` is not a number from 1"))),
        },
    };
    let lists = (list(parents), list(now), list(aliases));
    let (Some(parents), Some(now), Some(aliases)) = lists else {
        return Err(bad(format!("`{id}`: empty item in a `|` list")));
    };
    if let Some(a) = aliases.iter().find(|a| fold(a).is_empty()) {
        return Err(bad(format!("`{id}`: alias `{a}` has no letters")));
    }
    Ok(Row { line, kind, id, name, parents, now, coast, aliases })
}

fn bit(rows: &[u64], row_words: usize, row: usize, col: usize) -> bool {
    rows.get(row * row_words + col / 64).is_some_and(|w| (w >> (col % 64)) & 1 == 1)
}

fn set_bit(rows: &mut [u64], row_words: usize, row: usize, col: usize) {
    if let Some(w) = rows.get_mut(row * row_words + col / 64) {
        *w |= 1 << (col % 64);
    }
}

/// `row |= other`, both rows of `rows`.
fn or_row(rows: &mut [u64], row_words: usize, row: usize, other: usize) {
    for k in 0..row_words {
        let v = rows.get(other * row_words + k).copied().unwrap_or(0);
        if let Some(w) = rows.get_mut(row * row_words + k) {
            *w |= v;
        }
    }
}

impl Gazetteer {
    /// Reads a gazetteer in the format of `grammars/gazetteer.tsv` (see its header): checks the
    /// columns, that every `in`/`now` id exists, that a province's `now` is one 2025 unit and a
    /// sea's `now` old provinces, that coast numbers are unique, and that no unit lies in itself.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut rows = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line_text = line.trim_end_matches('\r');
            if line_text.trim().is_empty() || line_text.starts_with('#') {
                continue;
            }
            rows.push(parse_row(n + 1, line_text)?);
        }
        let mut by_id: HashMap<String, AreaId> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let Ok(index) = u16::try_from(i) else {
                return Err(GazetteerError::Malformed { line: row.line, message: "too many areas".into() });
            };
            if let Some(first) = by_id.get(row.id).and_then(|a| rows.get(usize::from(a.0))) {
                return Err(GazetteerError::DuplicateId {
                    line: row.line,
                    id: row.id.to_owned(),
                    first: first.line,
                });
            }
            by_id.insert(row.id.to_owned(), AreaId(index));
        }
        let resolve = |line: usize, ids: &[&str]| -> Result<Vec<AreaId>, GazetteerError> {
            ids.iter()
                .map(|id| {
                    by_id
                        .get(*id)
                        .copied()
                        .ok_or_else(|| GazetteerError::UnknownId { line, id: (*id).to_owned() })
                })
                .collect()
        };
        let kind_of = |a: AreaId| rows.get(usize::from(a.0)).map(|r| r.kind);

        let mut units = Vec::with_capacity(rows.len());
        // Parents for the ancestor closure: `in` (an old province's 2025 unit is added after it).
        let mut parents: Vec<Vec<AreaId>> = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut up = resolve(row.line, &row.parents)?;
            let now = resolve(row.line, &row.now)?;
            let now_ok = match row.kind {
                AreaKind::Province => {
                    now.len() == 1 && now.iter().all(|&a| kind_of(a) == Some(AreaKind::Province2025))
                }
                AreaKind::Sea => now.iter().all(|&a| kind_of(a) == Some(AreaKind::Province)),
                _ => now.is_empty(),
            };
            if !now_ok {
                let message = match row.kind {
                    AreaKind::Province => format!("`{}`: `now` must be one province_2025 unit", row.id),
                    AreaKind::Sea => format!("`{}`: `now` must list old provinces", row.id),
                    _ => format!("`{}`: only a province or a sea has a `now`", row.id),
                };
                return Err(GazetteerError::Malformed { line: row.line, message });
            }
            up.sort_unstable();
            up.dedup();
            parents.push(up);
            units.push(Unit {
                id: row.id.to_owned(),
                name: row.name.to_owned(),
                kind: row.kind,
                coast: row.coast,
                now,
                line: row.line,
            });
        }

        let n = units.len();
        let row_words = n.div_ceil(64);
        let mut ancestors = closure(&units, &parents, row_words)?;
        // An old province lies in its 2025 unit, but not in the regions of the unit's other
        // constituents (Kon Tum is in Quảng Ngãi 2025, not in Trung Trung Bộ): add the 2025
        // unit alone, to the province and to what lies in it (its islands), after the closure.
        for u in 0..n {
            for (p, unit) in units.iter().enumerate() {
                if unit.kind == AreaKind::Province && bit(&ancestors, row_words, u, p) {
                    for now in &unit.now {
                        set_bit(&mut ancestors, row_words, u, usize::from(now.0));
                    }
                }
            }
        }

        let mut g = Gazetteer { units, by_id, row_words, ancestors, ..Gazetteer::default() };
        g.index_names(&rows);
        g.index_coasts()?;
        g.index_facing();
        Ok(g)
    }

    /// Folded names and aliases → units, sharing names between an old province and the 2025
    /// unit of the same name (see the module comment).
    fn index_names(&mut self, rows: &[Row<'_>]) {
        let own: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut keys: Vec<String> =
                    std::iter::once(r.name).chain(r.aliases.iter().copied()).map(fold).collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .collect();
        let mut twins: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            if matches!(r.kind, AreaKind::Province | AreaKind::Province2025) {
                twins.entry(fold(r.name)).or_default().push(i);
            }
        }
        for (i, r) in rows.iter().enumerate() {
            let Ok(index) = u16::try_from(i) else { continue };
            let mut sources = vec![i];
            if matches!(r.kind, AreaKind::Province | AreaKind::Province2025)
                && let Some(t) = twins.get(&fold(r.name))
            {
                sources.extend(t.iter().copied().filter(|&t| t != i));
            }
            for key in sources.iter().filter_map(|&s| own.get(s)).flatten() {
                self.keys.entry(key.clone()).or_default().push(AreaId(index));
            }
            for spelling in std::iter::once(r.name).chain(r.aliases.iter().copied()) {
                let folded = Folded::new(spelling);
                let forms = self.forms.entry(folded.text.clone()).or_default();
                if !forms.contains(&folded.marks) {
                    forms.push(folded.marks);
                }
                if !self.spellings.iter().any(|(_, s)| s == spelling) {
                    self.spellings.push((fold(spelling), spelling.to_owned()));
                }
            }
        }
        for (key, ids) in &mut self.keys {
            ids.sort_unstable();
            ids.dedup();
            let mut words = key.split(' ');
            if let Some(first) = words.next() {
                let len = 1 + words.count();
                let max = self.first_words.entry(first.to_owned()).or_insert(0);
                *max = (*max).max(len);
            }
        }
    }

    fn index_coasts(&mut self) -> Result<(), GazetteerError> {
        self.coasts = vec![Vec::new(); self.units.len()];
        for (i, u) in self.units.iter().enumerate() {
            let Some(c) = u.coast else { continue };
            if let Some(&(_, other)) = self.coastal.iter().find(|(d, _)| *d == c) {
                return Err(GazetteerError::Malformed {
                    line: u.line,
                    message: format!("coast number {c} is also `{}`'s", self.id(other)),
                });
            }
            let a = AreaId(u16::try_from(i).unwrap_or(u16::MAX));
            self.coastal.push((c, a));
            if let Some(v) = self.coasts.get_mut(i) {
                v.push(c);
            }
            // An old province has exactly one `now`, its 2025 unit (checked above).
            if let Some(v) = u.now.first().and_then(|p| self.coasts.get_mut(usize::from(p.0))) {
                v.push(c);
            }
        }
        self.coastal.sort_unstable();
        Ok(())
    }

    fn index_facing(&mut self) {
        let w = self.row_words;
        self.facing = vec![0; self.units.len() * w];
        for (s, u) in self.units.iter().enumerate() {
            if u.kind != AreaKind::Sea {
                continue;
            }
            for p in &u.now {
                // Everything that contains p (p itself, its 2025 unit, its regions) faces the sea.
                for k in 0..w {
                    let v = self.ancestors.get(usize::from(p.0) * w + k).copied().unwrap_or(0);
                    if let Some(f) = self.facing.get_mut(s * w + k) {
                        *f |= v;
                    }
                }
            }
        }
    }

    /// The unit with this snake_case id.
    pub fn get(&self, id: &str) -> Option<AreaId> {
        self.by_id.get(id).copied()
    }

    fn unit(&self, a: AreaId) -> Option<&Unit> {
        self.units.get(usize::from(a.0))
    }

    /// The snake_case id of `a`.
    pub fn id(&self, a: AreaId) -> &str {
        self.unit(a).map_or("", |u| u.id.as_str())
    }

    /// The name of `a` as usually written, with diacritics.
    pub fn name(&self, a: AreaId) -> &str {
        self.unit(a).map_or("", |u| u.name.as_str())
    }

    /// What `a` is.
    pub fn kind(&self, a: AreaId) -> AreaKind {
        self.unit(a).map_or(AreaKind::Country, |u| u.kind)
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether there is no unit (the shipped file failed to load).
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every unit, in file order.
    pub fn iter(&self) -> impl Iterator<Item = AreaId> + '_ {
        (0..self.units.len()).filter_map(|i| u16::try_from(i).ok()).map(AreaId)
    }

    /// A subscriber's area from what they typed ("Bạc Liêu", "bac lieu", "TP HCM", "Sài Gòn",
    /// "Vịnh Thái Lan", or an id "bac_lieu").
    ///
    /// An exact id wins ("ca_mau" is the old province). Otherwise the folded text must equal a
    /// whole folded name or alias, possibly after a leading "tỉnh", "thành phố", "tp", "khu vực"
    /// or "vùng biển". A name of an old province and a 2025 unit returns the 2025 unit, today's
    /// map: "Cà Mau" → `ca_mau_2025`, and "TP HCM", "Sài Gòn", "TP Hồ Chí Minh" →
    /// `ho_chi_minh_2025`; "Bạc Liêu" has no 2025 unit and returns `bac_lieu`.
    pub fn lookup(&self, typed: &str) -> Result<AreaId, LookupError> {
        if let Some(a) = self.get(typed.trim()) {
            return Ok(a);
        }
        let folded = fold(typed);
        let stripped = LOOKUP_PREFIXES.iter().find_map(|p| folded.strip_prefix(p));
        let found = self.keys.get(&folded).or_else(|| stripped.and_then(|s| self.keys.get(s)));
        let rank = |a: &AreaId| match self.kind(*a) {
            AreaKind::Province2025 => 0,
            AreaKind::Province => 1,
            _ => 2,
        };
        if let Some(a) = found.and_then(|ids| ids.iter().min_by_key(|a| (rank(a), **a))) {
            return Ok(*a);
        }
        Err(LookupError::Unknown { typed: typed.to_owned(), suggestions: self.suggest(&folded, stripped) })
    }

    /// Up to 3 spellings closest to the folded text (or to it without its prefix).
    fn suggest(&self, folded: &str, stripped: Option<&str>) -> Vec<String> {
        let score = |key: &str| {
            let s = strsim::normalized_damerau_levenshtein(folded, key);
            stripped.map_or(s, |t| s.max(strsim::normalized_damerau_levenshtein(t, key)))
        };
        let mut scored: Vec<(f64, &str)> = self
            .spellings
            .iter()
            .map(|(key, written)| (score(key), written.as_str()))
            .filter(|(s, _)| *s >= MIN_SIMILARITY)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(3).map(|(_, w)| w.to_owned()).collect()
    }

    /// The longest name or alias that starts at word `i` as whole words: its end (exclusive)
    /// and the units it names.
    fn longest(&self, f: &Folded, i: usize) -> Option<(usize, &[AreaId])> {
        let max = *self.first_words.get(f.word(i)?)?;
        let last = (i + max).min(f.words.len());
        (i + 1..=last).rev().find_map(|j| {
            let key = f.span(i, j)?;
            let ids = self.keys.get(key)?;
            self.same_marks(key, f.marks.get(i..j)?).then_some((j, ids.as_slice()))
        })
    }

    /// Whether words written with `marks` may be the name folded to `key`: written without any
    /// diacritics, or with those of one of its spellings. Tone marks placed on either vowel
    /// ("Thanh Hoá", "Thanh Hóa") count the same: marks are compared per word, unordered.
    fn same_marks(&self, key: &str, marks: &[String]) -> bool {
        if marks.iter().all(String::is_empty) {
            return true;
        }
        // A name shared by an old province and its 2025 unit is indexed under both spellings.
        self.forms.get(key).is_none_or(|forms| forms.iter().any(|f| f.as_slice() == marks))
    }

    /// An end of a coast strip at word `i`: a name, or a compass word and a name.
    fn endpoint(&self, f: &Folded, i: usize) -> Option<(usize, &[AreaId])> {
        match self.longest(f, i) {
            None if COMPASS.contains(&f.word(i)?) => self.longest(f, i + 1),
            found => found,
        }
    }

    /// Every area that a free text names: a section heading ("Phía Tây Bắc Bộ", "Khu vực Hà
    /// Nội", "+ Bắc Vịnh Bắc Bộ") or a fact's `where` ("miền Tây", "khu Tây Bắc"). Sorted, no
    /// duplicates.
    ///
    /// The folded text is read left to right; at each word the longest name or alias that stands
    /// there as whole words is taken and reading resumes after it ("tay bac bo" beats "bac bo").
    /// One exception: when a name starting inside that one reaches further, the first yields to
    /// it, because a heading's last words are its head: "miền Nam Trung Bộ" is Nam Trung Bộ, not
    /// "miền Nam" + "Trung Bộ". A name shared by several units yields all of them.
    ///
    /// Shared last words: "Bắc và Giữa Biển Đông" names Bắc Biển Đông too, "Tây Bắc và Đông Bắc
    /// Bộ" Tây Bắc Bộ too.
    ///
    /// Coast strips: "từ X đến Y" / "from X to Y", or "X - Y" after "biển" / "coastal"…, where X
    /// and Y name coastal provinces (old, or 2025 units with a coastal constituent), also yield
    /// every old coastal province between them along the coast, even when the whole strip is a
    /// named sea area: "Vùng biển từ Bình Thuận đến Cà Mau" names Bạc Liêu.
    pub fn mentions(&self, text: &str) -> Vec<AreaId> {
        let f = Folded::new(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < f.words.len() {
            let Some((end, ids)) = self.longest(&f, i) else {
                i += 1;
                continue;
            };
            if let Some(k) = (i + 1..end).find(|&k| self.longest(&f, k).is_some_and(|(e, _)| e > end)) {
                i = k;
                continue;
            }
            // "miền Tây Nghệ An", "phía Đông Thanh Hóa": a compass part of the province that
            // follows, not the region that the first words name on their own.
            let compass_last =
                end.checked_sub(1).and_then(|e| f.word(e)).is_some_and(|w| COMPASS.contains(&w));
            let province_next = self.longest(&f, end).is_some_and(|(_, next)| {
                next.iter().any(|&a| matches!(self.kind(a), AreaKind::Province | AreaKind::Province2025))
            });
            if compass_last && province_next {
                i = end;
                continue;
            }
            out.extend_from_slice(ids);
            if let Some(shared) = self.elided(&f, i, end) {
                out.extend_from_slice(shared);
            }
            i = end;
        }
        let before = out.len();
        self.strips(&f, &mut out);
        // A strip of sea ("Vùng biển ven bờ các tỉnh từ Quảng Ninh đến Thanh Hóa") also names
        // the sea areas off those provinces, for subscribers to a sea area.
        let sea = (0..f.words.len()).any(|k| f.word(k).is_some_and(|w| SEA_WORDS.contains(&w)));
        if sea && out.len() > before {
            let provinces: Vec<AreaId> = out.get(before..).unwrap_or(&[]).to_vec();
            // Only the innermost sea areas: those containing them are concerned through them
            // (a subscriber to Vịnh Bắc Bộ by Bắc vịnh Bắc Bộ), and naming a container
            // ("Vùng biển Việt Nam") would reach every sea in it.
            let seas: Vec<AreaId> = self.iter().filter(|&x| self.kind(x) == AreaKind::Sea).collect();
            for &sea_area in &seas {
                let inner = !seas.iter().any(|&t| t != sea_area && self.within(t, sea_area));
                if inner && provinces.iter().any(|&p| self.faces(sea_area, p)) {
                    out.push(sea_area);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// "Bắc và Giữa Biển Đông": the name at words `i..end` follows "và"/"and" and one or two
    /// words that, put in place of its first one or two words, make another name (here "Bắc Biển
    /// Đông"), written once for both. The units of that other name.
    fn elided(&self, f: &Folded, i: usize, end: usize) -> Option<&[AreaId]> {
        let and = i.checked_sub(1)?;
        if !CONJUNCTIONS.contains(&f.word(and)?) {
            return None;
        }
        // The longer head first: "Tây Bắc và Đông Bắc Bộ" is Tây Bắc Bộ, not Bắc Bộ.
        for head_len in [2, 1] {
            let Some(head) = and.checked_sub(head_len).and_then(|h| f.span(h, and)) else { continue };
            for cut in [1, 2] {
                if i + cut >= end {
                    continue;
                }
                let Some(tail) = f.span(i + cut, end) else { continue };
                if let Some(ids) = self.keys.get(&format!("{head} {tail}")) {
                    return Some(ids);
                }
            }
        }
        None
    }

    /// Coast strips: "[từ] X đến Y", "from X to Y", "X - Y", where X and Y both name coastal
    /// provinces ("Thanh Hóa đến Thừa Thiên Huế:", "Vùng biển từ Quảng Trị - Quảng Ngãi"). Two
    /// places that are not both on the coast make no strip ("Hà Nội - Hải Phòng").
    fn strips(&self, f: &Folded, out: &mut Vec<AreaId>) {
        for i in 0..f.words.len() {
            let Some((x_end, xs)) = self.endpoint(f, i) else { continue };
            if f.word(x_end).is_some_and(|w| STRIP_TO.contains(&w))
                && let Some((_, ys)) = self.endpoint(f, x_end + 1)
            {
                self.strip(xs, ys, out);
            }
            if f.words.get(x_end).is_some_and(|w| w.dash_before)
                && let Some((_, ys)) = self.endpoint(f, x_end)
            {
                self.strip(xs, ys, out);
            }
        }
    }

    /// Adds the old coastal provinces from the first to the last coast number of `xs` and `ys`,
    /// if both have one.
    fn strip(&self, xs: &[AreaId], ys: &[AreaId], out: &mut Vec<AreaId>) {
        let numbers = |ids: &[AreaId]| -> Vec<u16> {
            ids.iter().filter_map(|a| self.coasts.get(usize::from(a.0))).flatten().copied().collect()
        };
        let (x, y) = (numbers(xs), numbers(ys));
        if x.is_empty() || y.is_empty() {
            return;
        }
        let lo = x.iter().chain(&y).min().copied().unwrap_or(0);
        let hi = x.iter().chain(&y).max().copied().unwrap_or(0);
        out.extend(self.coastal.iter().filter(|(c, _)| (lo..=hi).contains(c)).map(|(_, a)| *a));
    }

    /// Whether `b` is `a` or an ancestor of `a`.
    fn within(&self, a: AreaId, b: AreaId) -> bool {
        let (a, b) = (usize::from(a.0), usize::from(b.0));
        b < self.units.len() && bit(&self.ancestors, self.row_words, a, b)
    }

    /// Whether a bulletin that speaks of `place` concerns a subscriber to `sub`: `place` is `sub`,
    /// or contains it (ancestors follow `in`, and an old province's `now`: `bac_lieu` lies in
    /// `ca_mau_2025`, `tay_nam_bo`, `nam_bo`, `viet_nam`), or lies within it (a subscriber to
    /// Nam Bộ is concerned by Bạc Liêu; one to `ca_mau_2025` by old `bac_lieu`).
    ///
    /// Two bit lookups in tables built at load.
    pub fn concerns(&self, place: AreaId, sub: AreaId) -> bool {
        self.within(sub, place) || self.within(place, sub)
    }

    /// Whether sea area `sea` faces `sub`: an old province of the sea's `now` list is `sub` or
    /// lies within `sub` (`sub` is its 2025 unit or one of its regions): `nam_bien_dong` faces
    /// `bac_lieu`, `ca_mau_2025` and `tay_nam_bo`. False when `sea` is not a sea.
    pub fn faces(&self, sea: AreaId, sub: AreaId) -> bool {
        let (s, b) = (usize::from(sea.0), usize::from(sub.0));
        self.kind(sea) == AreaKind::Sea && b < self.units.len() && bit(&self.facing, self.row_words, s, b)
    }
}

/// The ancestor bitsets: parents are closed before their children (Kahn's order); what cannot be
/// ordered lies on or below a cycle.
fn closure(units: &[Unit], parents: &[Vec<AreaId>], row_words: usize) -> Result<Vec<u64>, GazetteerError> {
    let n = units.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting: Vec<usize> = parents.iter().map(Vec::len).collect();
    for (c, ps) in parents.iter().enumerate() {
        for p in ps {
            if let Some(v) = children.get_mut(usize::from(p.0)) {
                v.push(c);
            }
        }
    }
    let mut rows = vec![0u64; n * row_words];
    let mut ready: Vec<usize> = (0..n).filter(|&i| waiting.get(i) == Some(&0)).collect();
    let mut done = vec![false; n];
    while let Some(u) = ready.pop() {
        set_bit(&mut rows, row_words, u, u);
        for p in parents.get(u).into_iter().flatten() {
            or_row(&mut rows, row_words, u, usize::from(p.0));
        }
        if let Some(d) = done.get_mut(u) {
            *d = true;
        }
        for &c in children.get(u).into_iter().flatten() {
            if let Some(w) = waiting.get_mut(c) {
                *w -= 1;
                if *w == 0 {
                    ready.push(c);
                }
            }
        }
    }
    let Some(mut u) = done.iter().position(|d| !d) else { return Ok(rows) };
    // Every unit left waits for a parent that is also left: walking up n times from one ends on
    // the cycle itself, which is what to report.
    for _ in 0..n {
        let mut up = parents.get(u).into_iter().flatten().map(|p| usize::from(p.0));
        if let Some(p) = up.find(|&p| !done.get(p).copied().unwrap_or(true)) {
            u = p;
        }
    }
    let unit = units.get(u);
    Err(GazetteerError::Cycle {
        line: unit.map_or(0, |x| x.line),
        id: unit.map_or_else(String::new, |x| x.id.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        gazetteer()
    }

    fn a(id: &str) -> AreaId {
        g().get(id).unwrap_or_else(|| panic!("no id {id}"))
    }

    fn ids(text: &str) -> Vec<&'static str> {
        g().mentions(text).into_iter().map(|x| g().id(x)).collect()
    }

    /// A text concerns a subscriber when any of its mentions does.
    fn concerned(text: &str, sub: AreaId) -> bool {
        let m = g().mentions(text);
        assert!(!m.is_empty(), "{text:?} names no area");
        m.into_iter().any(|p| g().concerns(p, sub))
    }

    #[test]
    fn shipped_file_loads() {
        let gz = Gazetteer::from_tsv(SHIPPED).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(gazetteer().len(), gz.len());
        let count = |k| gz.iter().filter(|&x| gz.kind(x) == k).count();
        assert_eq!(count(AreaKind::Province), 63);
        assert_eq!(count(AreaKind::Province2025), 34);
        for p in gz.iter().filter(|&x| gz.kind(x) == AreaKind::Province) {
            let now = gz.units[usize::from(p.0)].now.clone();
            assert_eq!(now.len(), 1, "{}", gz.id(p));
            assert_eq!(gz.kind(now[0]), AreaKind::Province2025, "{}", gz.id(p));
        }
        // Every 2025 unit has a constituent, and the coast runs 1..=28 without a gap.
        for u in gz.iter().filter(|&x| gz.kind(x) == AreaKind::Province2025) {
            assert!(gz.units.iter().any(|p| p.now == [u] && p.kind == AreaKind::Province), "{}", gz.id(u));
        }
        let numbers: Vec<u16> = gz.coastal.iter().map(|(c, _)| *c).collect();
        assert_eq!(numbers, (1..=28).collect::<Vec<u16>>());
    }

    #[test]
    fn fold_examples() {
        assert_eq!(fold("Thừa Thiên - Huế"), "thua thien hue");
        assert_eq!(fold("TP.HCM"), "tp hcm");
        assert_eq!(fold("  ĐỒNG BẰNG sông Cửu Long! "), "dong bang song cuu long");
        assert_eq!(fold("Bà Rịa – Vũng Tàu"), "ba ria vung tau");
        assert_eq!(fold("bac_lieu"), "bac lieu");
        // Old ("hoà") and new ("hòa") tone placement fold alike.
        assert_eq!(fold("Thanh Hoá"), fold("Thanh Hóa"));
        assert_eq!(fold("- , -"), "");
    }

    #[test]
    fn lookup_typed_names() {
        for typed in ["Bạc Liêu", "bac lieu", "BẠC LIÊU", "tỉnh Bạc Liêu", "bac_lieu", " Bac-Lieu "]
        {
            assert_eq!(g().lookup(typed), Ok(a("bac_lieu")), "{typed}");
        }
        // Today's Hồ Chí Minh City: the 2025 unit, whichever of the old city's names is typed.
        for typed in ["TP HCM", "Sài Gòn", "tp.hcm", "TP Hồ Chí Minh", "thành phố Hồ Chí Minh", "hcm"]
        {
            assert_eq!(g().lookup(typed), Ok(a("ho_chi_minh_2025")), "{typed}");
        }
        assert_eq!(g().lookup("Cà Mau"), Ok(a("ca_mau_2025")));
        assert_eq!(g().lookup("ca_mau"), Ok(a("ca_mau")), "an exact id is that unit");
        assert_eq!(g().lookup("Hà Nội"), Ok(a("ha_noi_2025")));
        assert_eq!(g().lookup("Huế"), Ok(a("hue")));
        assert_eq!(g().lookup("Vịnh Thái Lan"), Ok(a("vinh_thai_lan")));
        assert_eq!(g().lookup("vùng biển Vịnh Thái Lan"), Ok(a("vinh_thai_lan")));
        assert_eq!(g().lookup("Tây Nguyên"), Ok(a("tay_nguyen")));
    }

    #[test]
    fn lookup_unknown_suggests() {
        let Err(LookupError::Unknown { typed, suggestions }) = g().lookup("Bac Leu") else {
            panic!("Bac Leu resolved");
        };
        assert_eq!(typed, "Bac Leu");
        assert!(suggestions.len() <= 3);
        assert_eq!(suggestions.first().map(String::as_str), Some("Bạc Liêu"), "{suggestions:?}");
        let e = g().lookup("Bac Leu").unwrap_err();
        assert!(e.to_string().contains("Bạc Liêu"), "{e}");
        // A name inside a longer text is not a name.
        assert!(g().lookup("Bạc Liêu và Cà Mau").is_err());
        assert!(g().lookup("").is_err());
        let Err(LookupError::Unknown { suggestions, .. }) = g().lookup("xyzzy qwerty") else { panic!() };
        assert!(suggestions.is_empty(), "{suggestions:?}");
    }

    #[test]
    fn bac_lieu_subscriber() {
        let sub = g().lookup("Bạc Liêu").unwrap();
        for text in [
            "Nam Bộ",
            "miền Tây",
            "Cà Mau",
            "Vùng biển từ Cà Mau đến Kiên Giang",
            "Tây Nam Bộ",
            "Đồng bằng sông Cửu Long",
            "Khu vực Nam Bộ",
            "Vùng biển từ Bình Thuận đến Cà Mau",
            "cả nước",
        ] {
            assert!(concerned(text, sub), "{text}");
        }
        for text in [
            "Bắc Bộ",
            "Hà Nội",
            "Phía Tây Bắc Bộ",
            "Vùng biển từ Quảng Trị đến Quảng Ngãi",
            "Vịnh Bắc Bộ",
            "Tây Nguyên",
            "Đông Nam Bộ",
            "Kiên Giang",
        ] {
            assert!(!concerned(text, sub), "{text}");
        }
    }

    #[test]
    fn ha_noi_subscriber() {
        for sub in [g().lookup("Hà Nội").unwrap(), a("ha_noi")] {
            for text in ["Đồng bằng Bắc Bộ", "Bắc Bộ", "Khu vực Hà Nội", "Phía Đông Bắc Bộ", "Hanoi"]
            {
                assert!(concerned(text, sub), "{text} / {}", g().id(sub));
            }
            for text in ["Nam Bộ", "Phía Tây Bắc Bộ", "Vịnh Bắc Bộ", "Hải Phòng"] {
                assert!(!concerned(text, sub), "{text} / {}", g().id(sub));
            }
        }
    }

    #[test]
    fn concerns_both_ways() {
        let c = |p, s| g().concerns(a(p), a(s));
        assert!(c("bac_lieu", "bac_lieu"));
        assert!(c("ca_mau_2025", "bac_lieu"), "an ancestor through `now`");
        assert!(c("nam_bo", "bac_lieu"));
        assert!(c("viet_nam", "bac_lieu"));
        assert!(c("bac_lieu", "nam_bo"), "within the subscriber's area");
        assert!(c("bac_lieu", "ca_mau_2025"));
        assert!(c("phu_quoc", "kien_giang"));
        assert!(c("vinh_thai_lan", "phu_quoc"));
        assert!(!c("ca_mau", "bac_lieu"), "siblings in one 2025 unit");
        assert!(!c("bac_bo", "bac_lieu"));
        assert!(!c("nam_bien_dong", "bac_lieu"), "a sea is not land: see faces");
        assert!(!c("bac_lieu", "nam_trung_bo"));
    }

    #[test]
    fn mentions_longest_whole_words() {
        assert_eq!(ids("Phía Tây Bắc Bộ"), ["tay_bac_bo"]);
        assert_eq!(ids("Bắc Trung Bộ"), ["bac_trung_bo"]);
        assert_eq!(ids("+ Bắc Vịnh Bắc Bộ"), ["bac_vinh_bac_bo"]);
        assert_eq!(ids("Khu vực Hà Nội"), ["ha_noi", "ha_noi_2025"]);
        assert_eq!(ids("KHU VỰC PHÍA ĐÔNG (các huyện Gia Lâm, Long Biên)"), Vec::<&str>::new());
        assert_eq!(ids("khu Tây Bắc"), ["tay_bac_bo"]);
        assert_eq!(ids("miền Tây"), ["tay_nam_bo"]);
        assert_eq!(ids("Tây Nam Bộ"), ["tay_nam_bo"]);
        assert_eq!(ids("Cà Mau"), ["ca_mau", "ca_mau_2025"]);
        assert_eq!(ids("TP.HCM"), ["ho_chi_minh", "ho_chi_minh_2025"]);
        assert_eq!(ids("Thừa Thiên - Huế"), ["thua_thien_hue"]);
        assert_eq!(ids("Nam Trung Bộ và Tây Nguyên"), ["nam_trung_bo", "tay_nguyen"]);
        // A later name that reaches further wins over the longest one at the first word.
        assert_eq!(ids("miền Nam Trung Bộ"), ["nam_trung_bo"]);
        assert_eq!(ids("miền Trung Trung Bộ"), ["trung_trung_bo"]);
        // Last words written once for two names.
        assert_eq!(ids("vùng biển Bắc và Giữa Biển Đông"), ["bac_bien_dong", "giua_bien_dong"]);
        assert_eq!(ids("Bắc và Nam vịnh Bắc Bộ"), ["bac_vinh_bac_bo", "nam_vinh_bac_bo"]);
        assert_eq!(ids("phía Tây Bắc và Đông Bắc Bộ"), ["tay_bac_bo", "dong_bac_bo"]);
        assert_eq!(ids("northern and central East Sea"), ["bac_bien_dong", "giua_bien_dong"]);
        assert_eq!(ids("Hà Nội và Nam Định"), ["ha_noi", "nam_dinh", "ha_noi_2025"]);
        assert_eq!(ids("Bắc Bộ và Bắc Trung Bộ"), ["bac_bo", "bac_trung_bo"]);
        assert_eq!(ids("gió mùa đông bắc"), Vec::<&str>::new());
        assert_eq!(ids("vùng núi"), Vec::<&str>::new());
        // Whole words only: no name inside a longer word.
        assert_eq!(ids("Namboo Bắc Bộx"), Vec::<&str>::new());
        assert_eq!(ids(""), Vec::<&str>::new());
    }

    #[test]
    fn mentions_coast_strips() {
        let m = ids("Vùng biển từ Bình Thuận đến Cà Mau");
        for id in
            ["bien_binh_thuan_ca_mau", "binh_thuan", "ba_ria_vung_tau", "soc_trang", "bac_lieu", "ca_mau"]
        {
            assert!(m.contains(&id), "{id} not in {m:?}");
        }
        assert!(!m.contains(&"kien_giang"), "{m:?}");
        assert!(!m.contains(&"ninh_thuan"), "{m:?}");
        // 2025 names: Lâm Đồng now reaches the coast through Bình Thuận, Cà Mau through Bạc Liêu.
        let m = ids("từ Lâm Đồng đến Cà Mau");
        for id in ["binh_thuan", "ho_chi_minh", "bac_lieu", "ca_mau"] {
            assert!(m.contains(&id), "{id} not in {m:?}");
        }
        assert!(!m.contains(&"ninh_thuan") && !m.contains(&"kien_giang"), "{m:?}");
        // Either direction, English, and a dash after a sea word.
        assert!(ids("vùng biển từ Cà Mau đến Bình Thuận").contains(&"tien_giang"));
        assert!(ids("coastal waters from Binh Thuan to Ca Mau").contains(&"ben_tre"));
        let m = ids("Vùng biển Thanh Hóa - Hà Tĩnh");
        assert!(m.contains(&"nghe_an") && !m.contains(&"quang_binh"), "{m:?}");
        // Forecast region headings are strips too, with or without "từ", with a dash.
        assert!(ids("Thanh Hóa - Hà Tĩnh").contains(&"nghe_an"));
        let m = ids("Thanh Hóa đến Thừa Thiên Huế");
        assert!(m.contains(&"nghe_an") && m.contains(&"quang_binh") && !m.contains(&"da_nang"), "{m:?}");
        assert!(ids("Đà Nẵng đến Bình Thuận").contains(&"ninh_thuan"));
        assert!(ids("Các tỉnh Thanh Hóa đến Hà Tĩnh").contains(&"nghe_an"));
        // Two places not both on the coast are no strip.
        assert_eq!(ids("Hà Nội - Hải Phòng"), ["ha_noi", "hai_phong", "ha_noi_2025", "hai_phong_2025"]);
        // An inland end makes no strip.
        assert_eq!(ids("từ Hà Nội đến Quảng Trị"), ["ha_noi", "quang_tri", "ha_noi_2025", "quang_tri_2025"]);
        // A compass word before an end.
        let m = ids("vùng biển từ Nam Quảng Trị đến Quảng Ngãi");
        assert!(m.contains(&"da_nang") && !m.contains(&"binh_dinh"), "{m:?}");
    }

    #[test]
    fn diacritics_written_must_be_the_names() {
        assert!(ids("biển động, sóng cao 2-3m").is_empty(), "{:?}", ids("biển động"));
        assert_eq!(ids("Biển Đông"), ["bien_dong"]);
        assert_eq!(ids("BIỂN ĐÔNG"), ["bien_dong"]);
        assert_eq!(ids("bien dong"), ["bien_dong"]);
        assert!(!ids("có tố, lốc").contains(&"co_to"));
        assert!(ids("đảo Cô Tô").contains(&"co_to"));
        // Tone marks on either vowel are the same spelling.
        assert!(ids("Thanh Hoá").contains(&"thanh_hoa"));
    }

    #[test]
    fn a_strip_of_sea_names_the_sea_areas_off_it() {
        let sub = |text: &str, s: &str| concerned(text, a(s));
        assert!(sub("Vùng biển ven bờ các tỉnh từ Quảng Ninh đến Thanh Hóa", "vinh_bac_bo"));
        assert!(sub("Vùng biển ven bờ các tỉnh từ Quảng Ninh đến Thanh Hóa", "bac_vinh_bac_bo"));
        assert!(!sub("Vùng biển ven bờ các tỉnh từ Quảng Ninh đến Thanh Hóa", "vinh_thai_lan"));
        // A stretch of land names no sea.
        assert!(!sub("Thanh Hóa đến Thừa Thiên Huế", "vinh_bac_bo"));
    }

    #[test]
    fn a_compass_part_of_a_province_is_not_a_region() {
        assert_eq!(ids("miền Tây Nghệ An"), ["nghe_an", "nghe_an_2025"]);
        assert_eq!(ids("phía Đông Thanh Hóa"), ["thanh_hoa", "thanh_hoa_2025"]);
        assert_eq!(ids("miền Tây"), ["tay_nam_bo"]);
        assert_eq!(ids("Nha Trang"), ["khanh_hoa", "khanh_hoa_2025"]);
        assert_eq!(g().lookup("HCM City").map(|x| g().id(x).to_owned()), Ok("ho_chi_minh_2025".to_owned()));
    }

    #[test]
    fn an_old_province_is_not_in_the_regions_of_its_2025_partners() {
        let c = |text: &str, sub: &str| concerned(text, a(sub));
        // Kon Tum joined Quảng Ngãi in 2025 but stays in Tây Nguyên.
        assert!(!c("Trung Trung Bộ", "kon_tum"));
        assert!(c("Tây Nguyên", "kon_tum"));
        assert!(c("Quảng Ngãi", "kon_tum"));
        assert!(!c("Đồng bằng Bắc Bộ", "hoa_binh"));
        assert!(!c("Tây Nguyên", "binh_thuan"));
        // The 2025 unit still covers both.
        assert!(c("Trung Trung Bộ", "quang_ngai_2025") && c("Tây Nguyên", "quang_ngai_2025"));
        // An island lies in its old province's 2025 unit.
        assert!(c("TP Hồ Chí Minh", "con_dao"));
    }

    #[test]
    fn faces_seas() {
        let f = |s, p| g().faces(a(s), a(p));
        assert!(f("nam_bien_dong", "bac_lieu"));
        assert!(f("nam_bien_dong", "ca_mau_2025"));
        assert!(f("nam_bien_dong", "tay_nam_bo"));
        assert!(!f("vinh_bac_bo", "bac_lieu"));
        assert!(f("vinh_bac_bo", "hai_phong_2025"), "through old Hải Phòng");
        assert!(!f("nam_bien_dong", "dak_nong"), "inland, though its 2025 unit has a coast");
        assert!(!f("bac_lieu", "bac_lieu"), "not a sea");
        assert!(!f("tay_nam_bo", "bac_lieu"), "not a sea");
    }

    #[test]
    fn ids_and_names() {
        let x = a("ba_ria_vung_tau");
        assert_eq!(g().id(x), "ba_ria_vung_tau");
        assert_eq!(g().name(x), "Bà Rịa – Vũng Tàu");
        assert_eq!(g().kind(x), AreaKind::Province);
        assert_eq!(g().get("nowhere"), None);
        assert_eq!(g().iter().count(), g().len());
        assert!(!g().is_empty());
        assert_eq!(serde_json::to_string(&AreaKind::Province2025).unwrap(), "\"province_2025\"");
        assert_eq!(serde_json::to_string(&AreaKind::Sea).unwrap(), "\"sea\"");
    }

    const HEAD: &str = "country\tvn\tViệt Nam\t-\t-\t-\t-\n";

    #[test]
    fn malformed_files() {
        let err = |body: &str| Gazetteer::from_tsv(&format!("# comment\n\n{HEAD}{body}")).unwrap_err();
        assert!(matches!(err("region\tr\tR\tvn\t-\t-\n"), GazetteerError::Malformed { line: 4, .. }));
        assert!(matches!(err("town\tr\tR\tvn\t-\t-\t-\n"), GazetteerError::Malformed { line: 4, .. }));
        assert!(matches!(err("region\tR x\tR\tvn\t-\t-\t-\n"), GazetteerError::Malformed { .. }));
        assert!(matches!(err("region\tr\tR\tvn||x\t-\t-\t-\n"), GazetteerError::Malformed { .. }));
        assert!(matches!(err("region\tr\tR\tvn\t-\t3\t-\n"), GazetteerError::Malformed { .. }));
        assert!(
            matches!(err("region\tr\tR\tnowhere\t-\t-\t-\n"), GazetteerError::UnknownId { line: 4, id } if id == "nowhere")
        );
        assert!(matches!(
            err("region\tr\tR\tvn\t-\t-\t-\nregion\tr\tR2\tvn\t-\t-\t-\n"),
            GazetteerError::DuplicateId { line: 5, first: 4, .. }
        ));
        assert!(matches!(
            err("region\ta\tA\tb\t-\t-\t-\nregion\tb\tB\ta\t-\t-\t-\nregion\tc\tC\tb\t-\t-\t-\n"),
            GazetteerError::Cycle { id, .. } if id == "a" || id == "b"
        ));
        assert!(matches!(err("region\ta\tA\ta\t-\t-\t-\n"), GazetteerError::Cycle { line: 4, .. }));
        // A province's `now` must be one 2025 unit.
        assert!(matches!(err("province\tp\tP\tvn\tvn\t-\t-\n"), GazetteerError::Malformed { .. }));
        assert!(matches!(
            err(
                "province_2025\tq\tQ\tvn\t-\t-\t-\nprovince\tp\tP\tvn\tq\t1\t-\nprovince\tr\tR\tvn\tq\t1\t-\n"
            ),
            GazetteerError::Malformed { line: 6, .. }
        ));
        let ok = Gazetteer::from_tsv(&format!(
            "{HEAD}province\tp\tP\tvn\tq\t1\t-\nprovince_2025\tq\tP\tvn\t-\t-\t-\n"
        ))
        .unwrap();
        assert_eq!(ok.len(), 3);
        assert!(ok.concerns(ok.get("vn").unwrap(), ok.get("p").unwrap()));
        assert!(Gazetteer::from_tsv("").unwrap().is_empty());
    }
}
