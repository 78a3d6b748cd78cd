//! From raw items to typed facts: the semantic layer of the grammar.
//!
//! A sentence's items come in as written; this module decides which fact each value belongs
//! to. Order matters throughout: qualifiers before a fact wait for it, qualifiers right after
//! one attach to it; an exception clause ("ven biển cấp 3-4") opens a new fact that inherits
//! only what says *what* is measured (a wind's direction, a temperature's bound); a cyclone fact
//! is opened by a stated position, and a strength or movement joins the latest position that
//! does not have one yet.

use crate::bulletin::{
    Bound, ColdSeverity, Condition, Coverage, Cyclone, CycloneCategory, Fact, FactBody, FogDensity,
    HazardKind, Likelihood, Moving, Qualifiers, RainForm, Range, SkyCover, Span, Stat, Wind,
};

use super::lexicon::{Cat, Lexicon};
use super::normalize::{Normalized, SkipBlanks, is_upper, is_word_char};
use super::phrase::bare_place;
use super::quantity::Unit;
use super::raw::{Directions, Intensities, Item, LevelKind, Raw};

/// What the sentence is talking about: where a bare value or level goes.
#[derive(Debug, Clone, PartialEq)]
enum Topic {
    None,
    Wind { fact: Option<usize>, from: Directions, start: usize },
    Temperature,
    Humidity(Option<Stat>),
    Visibility,
    Waves,
    Tide,
    Rainfall,
    Risk(Option<usize>),
    Cyclone,
    Gusts(usize),
}

/// Document-wide state and the facts found so far.
#[derive(Debug)]
pub struct Builder<'a> {
    input: &'a str,
    /// The vocabulary of the bulletin's language.
    lex: &'static Lexicon,
    pub facts: Vec<Fact>,
    /// Set by a "📍 Hiện trạng:" label: what follows is observed, until the next label.
    pub observed_block: bool,
    /// Inside a pipe-delimited storm table.
    pub storm_table: bool,
    cyclone: Option<usize>,
    category: CycloneCategory,
    cyclone_number: Option<u32>,
    cyclone_name: Option<String>,
    /// A position marker ("vị trí tâm bão") opened this fact and waits for its lat/lon.
    awaiting_position: Option<usize>,
    /// The direction of the last wind of the previous sentence, when it had one: a sentence
    /// that only gives an area's level ("Gió đông bắc cấp 4-5. Riêng phía Đông cấp 6") is an
    /// exception to it and keeps its direction.
    previous_wind: Option<Directions>,
    /// A low-pressure area ("vùng áp thấp") was named after the last tropical cyclone word: a
    /// position now is the low's, which is no cyclone fact (a fisherman must not be told of a
    /// storm that is not there).
    low_pressure: bool,
    /// Whether the sentence being read added to a fact it did not make (see [`extend`]).
    extended: bool,
    /// The texts of the sentence's place and time as last given to a fact, by their normalised
    /// spans: the facts of a clause mostly share them, and each was sliced and trimmed again
    /// (234.4k -> 233.7k instructions per typical parse).
    qualifier_texts: [Option<((usize, usize), &'a str)>; 2],
}

/// Where a sentence's trailing qualifiers start, found at most once per sentence (asked at each
/// time and place in it: scanning the rest of the sentence each time made long sentences
/// quadratic).
#[derive(Debug, Clone, Copy)]
struct Tail {
    /// The first item from which only times, places, fillers and commas follow.
    times: usize,
    /// The first item from which only places, fillers and commas follow.
    places: usize,
    /// The last time and the last place of the sentence.
    last_when: Option<usize>,
    last_where: Option<usize>,
}

impl Tail {
    fn of(items: &[Raw]) -> Self {
        let from = |ok: fn(&Item) -> bool| items.iter().rposition(|r| !ok(&r.item)).map_or(0, |p| p + 1);
        Tail {
            times: from(|i| matches!(i, Item::When | Item::Where | Item::Filler | Item::Comma)),
            places: from(|i| matches!(i, Item::Where | Item::Filler | Item::Comma)),
            last_when: items.iter().rposition(|r| matches!(r.item, Item::When)),
            last_where: items.iter().rposition(|r| matches!(r.item, Item::Where)),
        }
    }
}

/// The per-sentence view the rules below share.
struct Sentence<'s> {
    norm: &'s Normalized,
    items: &'s [Raw],
    /// Made when a time or a place first asks for it: most sentences have neither (a reading
    /// after its topic word), and finding it was four scans of the items (235.7k -> 234.6k
    /// instructions per typical parse).
    tail: Option<Tail>,
    topic: Topic,
    likelihood: bool,
    condition: Option<Condition>,
    observed: bool,
    when: Option<(usize, usize)>,
    where_: Option<(usize, usize)>,
    coverage: Option<Coverage>,
    bound: Option<Option<Bound>>,
    clause_start: usize,
    clause_first_item: usize,
    exception: bool,
    /// Whether an exception word ("riêng", "except") opened the current clause.
    excepted_clause: bool,
    last_temp: Option<usize>,
    last_rain: Option<(usize, usize)>, // (fact, item index)
    /// The heat or cold fact last made, and its item: a trend after it takes it back as a
    /// trend takes back a rain ("nắng nóng giảm dần", "heat waves … should subside").
    last_spell: Option<(usize, usize)>,
    /// The thunderstorm fact last made, and its item: a declining trend after it takes it back.
    last_thunder: Option<(usize, usize)>,
    last_fog: Option<usize>,
    first_fact: usize,
    topic_start: Option<usize>,
}

impl Sentence<'_> {
    fn tail(&mut self) -> Tail {
        *self.tail.get_or_insert_with(|| Tail::of(self.items))
    }

    /// Starts a new sentence at item `k` (its full stop was missing), `facts` facts made so far:
    /// nothing said before qualifies what follows.
    fn restart(&mut self, k: usize, facts: usize) {
        self.topic = Topic::None;
        self.likelihood = false;
        self.condition = None;
        self.observed = false;
        self.when = None;
        self.where_ = None;
        self.coverage = None;
        self.bound = None;
        self.clause_start = facts;
        self.clause_first_item = k;
        self.exception = false;
        self.excepted_clause = false;
        self.last_temp = None;
        self.last_rain = None;
        self.last_spell = None;
        self.last_thunder = None;
        self.last_fog = None;
        self.topic_start = None;
    }
}

impl<'a> Builder<'a> {
    pub fn new(input: &'a str, lang: crate::bulletin::Language) -> Self {
        Self {
            lex: super::lexicon::lexicon(lang),
            input,
            facts: Vec::with_capacity(super::document::expected(input.len())),
            observed_block: false,
            storm_table: false,
            cyclone: None,
            category: CycloneCategory::Storm,
            cyclone_number: None,
            cyclone_name: None,
            awaiting_position: None,
            low_pressure: false,
            previous_wind: None,
            extended: false,
            qualifier_texts: [None; 2],
        }
    }

    /// Turns one sentence's items into facts; returns how many facts it produced, counting a
    /// fact of an earlier sentence it added to (the strength after a storm's position) as one.
    /// A section heading starts a new area: no wind of the area before is continued in it.
    pub fn new_section(&mut self) {
        self.previous_wind = None;
    }

    pub fn sentence(&mut self, norm: &Normalized, items: &[Raw], table_row_start: bool) -> usize {
        // Spans are the new sentence's line's.
        self.qualifier_texts = [None; 2];
        let mut s = Sentence {
            norm,
            items,
            tail: None,
            topic: Topic::None,
            likelihood: false,
            condition: None,
            observed: false,
            when: None,
            where_: None,
            coverage: None,
            bound: None,
            clause_start: self.facts.len(),
            clause_first_item: 0,
            exception: false,
            excepted_clause: false,
            last_temp: None,
            last_rain: None,
            last_spell: None,
            last_thunder: None,
            last_fog: None,
            first_fact: self.facts.len(),
            topic_start: None,
        };
        if self.storm_table && table_row_start {
            // A row of the storm table starts with its time: a new forecast position.
            let (a, b) = items.first().map_or((0, 0), |r| (r.start, r.end));
            let idx = self.new_cyclone(&mut s, a, b);
            self.cyclone = Some(idx);
            self.awaiting_position = Some(idx);
            if let Some(Fact { body: FactBody::Cyclone(c), .. }) = self.facts.get_mut(idx) {
                c.at = Some(slice(self.input, norm, a, b));
            }
            return 1;
        }
        self.extended = false;
        let mut k = 0;
        while k < items.len() {
            // A definition states no weather: its phenomenon and the values of its criterion are
            // passed over to the end of its clause.
            if let Some(end) = definition_end(&s, k) {
                k = end;
                continue;
            }
            self.item(&mut s, k);
            k += 1;
        }
        if self.facts.len() == s.first_fact && !self.extended {
            self.cyclone_at_sea(&mut s);
        }
        self.previous_wind = self.last_wind_from(s.first_fact);
        let added_to_earlier = self.extended && self.facts.len() == s.first_fact;
        self.facts.len() - s.first_fact + usize::from(added_to_earlier)
    }

    fn item(&mut self, s: &mut Sentence<'_>, k: usize) {
        let Some(raw) = s.items.get(k) else { return };
        let (a, b) = (raw.start, raw.end);
        if self.missing_full_stop(s, k) {
            s.restart(k, self.facts.len());
        }
        match &raw.item {
            Item::Comma | Item::Semicolon => {
                // "cần đề phòng lốc, sét và gió giật mạnh, gió bão mạnh lên cấp 8 - 9": the
                // likelihood and condition of a list of hazards end with the list.
                let after_hazards = self.facts.len() > s.first_fact
                    && matches!(self.facts.last(), Some(Fact { body: FactBody::Hazard { .. }, .. }));
                let other_topic = |r: &Raw| {
                    (r.item.produces_fact()
                        || matches!(r.item, Item::WavesWord | Item::TempWord | Item::HumidityWord(_)))
                        && !matches!(r.item, Item::Hazard(_) | Item::Thunderstorm)
                };
                // Looked ahead only after a hazard: commas are many.
                if after_hazards
                    && s.items
                        .get(k + 1..)
                        .and_then(|rest| rest.iter().find(|r| !r.item.is_neutral()))
                        .is_some_and(other_topic)
                {
                    s.likelihood = false;
                    s.condition = None;
                }
                s.clause_start = self.facts.len();
                s.clause_first_item = k + 1;
                s.coverage = None;
                s.exception = false;
                s.excepted_clause = false;
                if matches!(raw.item, Item::Semicolon) {
                    s.last_rain = None;
                    // "Phía Bắc có mây, trưa chiều trời nắng; phía Nam nhiều mây, có mưa": a new
                    // place after a semicolon starts over; a time said after the first place's
                    // facts was said of that place (one said before them, "Trên biển, từ chiều
                    // tối 27/12 ở Vịnh Bắc Bộ gió …; khu vực Bắc Biển Đông gió …", "Mưa lớn: Từ
                    // hôm nay 14-11 đến ngày 16-11, từ … có mưa to …; ở Thanh Hóa …", is the whole
                    // sentence's).
                    let place = s.items.iter().position(|r| matches!(r.item, Item::Where));
                    let fact_of_place = place
                        .and_then(|p| s.items.get(p..))
                        .and_then(|after| after.iter().find(|r| r.item.produces_fact()))
                        .map(|r| r.start);
                    if s.items.get(k + 1).is_some_and(|r| matches!(r.item, Item::Where))
                        && s.when.zip(fact_of_place).is_some_and(|((a, _), f)| f < a)
                    {
                        s.when = None;
                    }
                }
            }
            Item::Coverage(c) => {
                if !leads_fact(s.items, k) && self.follows_fact(s, k) {
                    self.trail(s, |q| {
                        if q.coverage.is_none() {
                            q.coverage = Some(*c);
                        }
                    });
                } else {
                    s.coverage = Some(*c);
                    s.exception = true;
                }
            }
            Item::Likelihood => s.likelihood = true,
            Item::Condition(c) => {
                if !leads_fact(s.items, k) && self.follows_fact(s, k) {
                    self.trail(s, |q| {
                        if q.condition.is_none() {
                            q.condition = Some(*c);
                        }
                    });
                } else {
                    s.condition = Some(*c);
                }
            }
            Item::Observed => s.observed = true,
            Item::When => {
                // A time after the facts of its clause, ending the sentence: "có mưa rào vào
                // chiều tối", "showers tonight" (as a trailing place below).
                let tail = s.tail();
                let trailing = k + 1 >= tail.times;
                // A clause of its own after a comma ("…, cục bộ có mưa to, trong chiều tối và
                // đêm nay") times the sentence's facts before it.
                let from = if self.facts.len() > s.clause_start { s.clause_start } else { s.first_fact };
                if trailing && self.facts.len() > from {
                    let end =
                        tail.last_when.filter(|&w| w > k).and_then(|w| s.items.get(w)).map_or(b, |r| r.end);
                    let time = slice(self.input, s.norm, a, end);
                    // Its own clause's facts take it over a time said in an earlier clause
                    // ("early morning with fog, sunny in the afternoon").
                    let clause_begins = s.items.get(s.clause_first_item).map_or(a, |r| r.start);
                    let own_clause = from == s.clause_start && s.when.is_some_and(|(w, _)| w < clause_begins);
                    self.qualify_from(from, |q| {
                        if own_clause {
                            q.when = Some(time.clone());
                        } else {
                            q.when.get_or_insert_with(|| time.clone());
                        }
                    });
                    return;
                }
                s.when = Some((a, b));
            }
            Item::Where => {
                // A place after the facts of its clause, ending the sentence: "heavy rain in
                // the Central Highlands and the South", "có mưa rào và dông rải rác ở vùng núi"
                // (the clause: since the last comma, so "lũ quét, ngập lụt ven biển" places
                // only the flooding).
                let tail = s.tail();
                let trailing = k + 1 >= tail.places;
                let end =
                    tail.last_where.filter(|&w| w > k).and_then(|w| s.items.get(w)).map_or(b, |r| r.end);
                let place = self.input.get(s.norm.start(a)..s.norm.end(end)).unwrap_or("").trim_blanks();
                // A bare head ("in", "over", "area", "ở khu vực") names no place.
                let named = s.norm.text.get(a..s.norm.text.len().min(end)).is_some_and(|t| !bare_place(t));
                if trailing && named && self.facts.len() > s.clause_start {
                    let place = place.to_owned();
                    self.qualify_from(s.clause_start, |q| {
                        q.where_.get_or_insert_with(|| place.clone());
                    });
                    return;
                }
                // Only a preposition or a bare place word ("in the next 24 hours", "the area of
                // high wind") starts no place; as the start of a trailing place it did count.
                let bare = s.norm.text.get(a..b).is_some_and(bare_place);
                if !bare {
                    s.where_ = Some((a, b));
                }
                if k > s.clause_first_item || self.facts.len() > s.first_fact {
                    s.exception = true;
                }
            }
            Item::Exception => {
                s.exception = true;
                s.excepted_clause = true;
            }
            Item::Trend { grows } => {
                // "mưa giảm dần", "mưa lớn ở các khu vực trên giảm dần", "vùng mưa sẽ mở rộng": a
                // rain with only a trend after it in its clause states no rain.
                // A few words between at most (a long run of them is looked at once per trend).
                // "drizzle and a sharp drop in temperature": a trend that names what it is of is
                // that quantity's.
                // ("Mưa giảm dần và nhiệt độ tăng trở lại": after "và" another quantity has its
                // own trend.)
                let names_own = s.items.get(k + 1..).is_some_and(|after| {
                    let of = |x: &&Raw| {
                        matches!(s.norm.text.get(x.start..x.end), Some("in" | "of" | "in the" | "of the"))
                    };
                    after.iter().find(|x| !of(x)).is_some_and(|x| {
                        matches!(x.item, Item::TempWord | Item::HumidityWord(_) | Item::VisibilityWord)
                    })
                });
                let taken_back = |last: Option<(usize, usize)>| {
                    !names_own
                        && last.is_some_and(|(f, r)| {
                        f + 1 == self.facts.len()
                            && f >= s.clause_start
                            && k - r <= TREND_REACH
                            && s.items.get(r + 1..k).is_some_and(|between| {
                                // "Mưa và gió giảm": a wind named with the rain, and nothing
                                // said of it, shares its trend.
                                // "… is likely to recede": a likelihood of the trend.
                                between.iter().all(|x| {
                                    x.item.is_neutral()
                                        || matches!(x.item, Item::Likelihood)
                                        || matches!(&x.item, Item::Wind { from, level: None, light: false, .. } if from.is_empty())
                                })
                            })
                    })
                };
                if taken_back(s.last_rain) {
                    self.facts.pop();
                    s.last_rain = None;
                } else if taken_back(s.last_spell) {
                    self.facts.pop();
                    s.last_spell = None;
                } else if !grows && taken_back(s.last_thunder) {
                    // Thunderstorms that "decrease and end"; those that spread ("mưa dông mở
                    // rộng xuống khu vực Bắc Trung Bộ") are forecast where they spread to.
                    self.facts.pop();
                    s.last_thunder = None;
                }
            }
            Item::Wind { monsoon, from, light, level, strong: _, rises } => {
                // "Gió đông bắc cấp 4, riêng phía Đông Nam gió mạnh dần lên cấp 5": the wind of
                // an exception blows from where the wind it is an exception to does; so does a
                // wind that only strengthens, later in the sentence or in the next ("Gió bắc cấp
                // 5; từ ngày mai gió mạnh dần lên cấp 6-7").
                let from = match &s.topic {
                    Topic::Wind { from: before, .. } if from.is_empty() && (s.excepted_clause || *rises) => {
                        *before
                    }
                    _ if from.is_empty() && *rises => self.wind_before(s).unwrap_or_default(),
                    _ => *from,
                };
                s.exception = false;
                if *monsoon && level.is_none() && !light {
                    s.topic = Topic::None;
                    return;
                }
                // "áp thấp nhiệt đới ở phía Đông Philippines, sức gió cấp 6, giật cấp 8": the
                // force of the wind of the system just named is its strength.
                // In English the storm's strength follows "with" anywhere in its sentence: "the
                // storm moved west, 330 km east of Hoang Sa, with strong winds of level 11".
                // "packing"/"carrying" only after the storm's name or place with no other wind
                // or clause between ("The storm, packing winds of level 11", "the typhoon is
                // expected to be about 130 km off the coast of Quang Ngai, packing winds of level
                // 13"): "the northeast monsoon packing winds of level 7" is the monsoon's.
                let item_text = |j: usize| s.items.get(j).and_then(|r| s.norm.text.get(r.start..r.end));
                let storm_clause = || {
                    s.items.get(..k.saturating_sub(1)).is_some_and(|before| {
                        before
                            .iter()
                            .rev()
                            .take_while(|r| !matches!(r.item, Item::Semicolon | Item::Wind { .. }))
                            .any(|r| r.item.names_cyclone())
                    })
                };
                let with_after_storm = || {
                    k.checked_sub(1)
                        .and_then(item_text)
                        .is_some_and(|w| w == "with" || (STRENGTH_VERBS.contains(&w) && storm_clause()))
                        && s.items.get(..k).is_some_and(|before| {
                            before.iter().any(|r| {
                                r.item.names_cyclone()
                                    || matches!(r.item, Item::Movement { .. } | Item::Position { .. })
                            })
                        })
                };
                if from.is_empty()
                    && !light
                    && ((matches!(s.topic, Topic::Cyclone)
                        && s.norm.text.get(a..b).is_some_and(|t| t.starts_with("sức gió")))
                        || with_after_storm())
                {
                    if let Some(l) = level {
                        self.cyclone_level(s, LevelKind::Plain, *l, a, b);
                    }
                    return;
                }
                let mut fact = None;
                if level.is_some() || *light {
                    let w = Wind {
                        from: from.to_vec(),
                        level: *level,
                        light: light.then_some(true),
                        ..Wind::default()
                    };
                    fact = Some(self.push(s, FactBody::Wind(Box::new(w)), a, b));
                }
                s.topic = Topic::Wind { fact, from, start: a };
            }
            Item::Level { kind, range } => self.level(s, k, *kind, *range),
            Item::Value(v) => self.value(s, k, *v),
            Item::TempWord => {
                s.topic_start = Some(a);
                s.topic = Topic::Temperature;
                s.bound = Some(None);
            }
            Item::Bound(bd) => {
                // "Độ ẩm thấp nhất", "sóng cao nhất" bound their own topic; after a comma a bound
                // starts a temperature ("humidity from 50 to 89 percent, with highs reaching 34").
                let after_comma = s.items.get(..k).is_some_and(|before| {
                    before
                        .iter()
                        .rev()
                        .find(|r| !matches!(r.item, Item::Filler))
                        .is_some_and(|r| matches!(r.item, Item::Comma | Item::Semicolon))
                });
                // "max"/"min" alone bound whatever is measured ("Humidity min 60%, max 95%",
                // "Waves 2-3 m, max 4 m"): a temperature only when nothing else is.
                let abbreviated = matches!(s.norm.text.get(a..b), Some("min" | "max" | "min." | "max."));
                let other_topic = !matches!(s.topic, Topic::None | Topic::Temperature);
                let degrees_next = matches!(s.items.get(k + 1).map(|r| &r.item), Some(Item::Value(v)) if v.unit == Unit::Celsius);
                if abbreviated && other_topic && !degrees_next {
                    return;
                }
                if after_comma || !matches!(s.topic, Topic::Tide | Topic::Waves | Topic::Humidity(_)) {
                    s.topic = Topic::Temperature;
                    s.topic_start = Some(s.topic_start.unwrap_or(a));
                    s.bound = Some(Some(*bd));
                }
            }
            Item::HumidityWord(st) => {
                s.topic = Topic::Humidity(*st);
                s.topic_start = Some(a);
            }
            Item::RainfallWord => {
                s.topic = Topic::Rainfall;
                s.topic_start = Some(a);
            }
            Item::VisibilityWord => {
                s.topic = Topic::Visibility;
                s.topic_start = Some(a);
            }
            Item::WavesWord => {
                s.topic = Topic::Waves;
                s.topic_start = Some(a);
            }
            Item::TideWord => s.topic = Topic::Tide,
            Item::Rain { form, intensity } => {
                // "độ ẩm … 75-90% và xác suất mưa … 50-70%": a percentage after the rain is its
                // chance, no humidity.
                if matches!(s.topic, Topic::Humidity(_)) {
                    s.topic = Topic::None;
                }
                self.rain(s, k, *form, *intensity);
            }
            Item::Thunderstorm => {
                // "Thunderstorms are likely to cause tornadoes, lightning and strong gusts": the
                // thunderstorms are the hazards' condition, not a fact of their own.
                // So do thunderstorms opening a clause of their own after a comma ("…, while
                // thunderstorms may bring strong winds, lightning").
                let clause_opener = s
                    .items
                    .get(..k)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .take_while(|r| !matches!(r.item, Item::Comma | Item::Semicolon))
                    .all(|r| matches!(r.item, Item::Filler | Item::Coverage(_)));
                if self.opens_as_cause(s, k, b) || (clause_opener && self.opens_as_cause_after(s, k, b)) {
                    s.condition = Some(Condition::InThunderstorms);
                    return;
                }
                let idx = self.push(s, FactBody::Thunderstorm {}, a, b);
                s.last_thunder = Some((idx, k));
            }
            // "Lốc, sét, mưa đá có thể gây thiệt hại …", "Tornadoes, lightning and hail can damage
            // houses": hazards that open their sentence as the cause of an impact are no facts.
            Item::Hazard(_) if self.hazards_cause(s, k) => {}
            Item::Hazard(h) => {
                let idx = self.push(s, FactBody::Hazard { hazard: *h, level: None }, a, b);
                if *h == HazardKind::StrongGusts {
                    s.topic = Topic::Gusts(idx);
                }
            }
            Item::Sky(c) => {
                let idx = self.push(s, FactBody::Sky { cover: *c }, a, b);
                self.day_phrase(s, idx, a);
            }
            Item::SkyFewToClear => {
                self.push(s, FactBody::Sky { cover: SkyCover::Few }, a, b);
                self.push(s, FactBody::Sky { cover: SkyCover::Clear }, a, b);
            }
            // "Bắc Bộ hết nắng nóng", "chấm dứt đợt nắng nóng", "Miền Bắc hết rét": a heat or cold
            // that ends right where it is named is no heat or cold; nor is one that opens its
            // sentence as the cause of what follows ("Nắng nóng có thể gây nguy cơ cháy rừng"),
            // as rain is not.
            Item::Heat(_) | Item::Cold(_)
                if ends_before(&s.norm.text, s.items, k) || self.opens_as_cause(s, k, b) => {}
            Item::Heat(h) => {
                // "nóng và oi bức", "sweltering under a hot weather": two words for one heat,
                // joined by fillers only, are one fact.
                if let Some((f, j)) = s.last_spell
                    && f + 1 == self.facts.len()
                    && s.items
                        .get(j + 1..k)
                        .is_some_and(|between| between.iter().all(|x| matches!(x.item, Item::Filler)))
                    && let Some(fact) = self.facts.get_mut(f)
                    && matches!(fact.body, FactBody::Heat { severity } if severity == *h)
                {
                    self.extended |= extend(self.input, s.norm, fact, b);
                    s.last_spell = Some((f, k));
                    return;
                }
                let idx = self.push(s, FactBody::Heat { severity: *h }, a, b);
                self.day_phrase(s, idx, a);
                s.last_spell = Some((idx, k));
            }
            Item::Cold(c) => {
                let idx = self.push(s, FactBody::Cold { severity: *c }, a, b);
                s.last_spell = Some((idx, k));
            }
            Item::Fog(d) => {
                let idx = self.push(s, FactBody::Fog { density: *d }, a, b);
                s.last_fog = Some(idx);
            }
            Item::FogDense => {
                if let Some(f) = s.last_fog.and_then(|i| self.facts.get_mut(i)) {
                    f.body = FactBody::Fog { density: FogDensity::Dense };
                    self.extended |= extend(self.input, s.norm, f, b);
                }
            }
            Item::NoRain => {
                self.push(s, FactBody::NoRain {}, a, b);
            }
            Item::SeaState(st) => {
                self.push(s, FactBody::SeaState { state: *st }, a, b);
            }
            Item::Risk { level, cause } => {
                let cause = cause.filter(|(x, y)| y > x).map(|(x, y)| slice(self.input, s.norm, x, y));
                match level {
                    Some(l) => {
                        let idx = self.push(s, FactBody::Risk { level: *l, cause }, a, b);
                        s.topic = Topic::Risk(Some(idx));
                    }
                    None => s.topic = Topic::Risk(None),
                }
            }
            Item::LowPressure => {
                // A storm table's row ("suy yếu thành vùng áp thấp | 16,8N-103,9E | cấp 6") still
                // places the system it follows.
                if self.awaiting_position.is_none() && !self.storm_table {
                    self.low_pressure = true;
                    self.cyclone = None;
                    s.topic = Topic::None;
                }
            }
            Item::CycloneWord { category, number, name } => {
                self.low_pressure = false;
                self.category = *category;
                // A storm table's row opened with its time waits for its position: the system
                // named on the way ("… suy yếu thành áp thấp nhiệt đới") is the one there.
                if let Some(Fact { body: FactBody::Cyclone(c), .. }) =
                    self.awaiting_position.and_then(|i| self.facts.get_mut(i))
                {
                    c.category = *category;
                }
                // "15,2N-107,3E, trên khu vực Nam Lào; suy yếu thành áp thấp nhiệt đới", "15.2N-107.3E;
                // weakened into a tropical depression": what the system has become by the position
                // this sentence gave is its category there.
                let became = s.norm.text.get(..a).is_some_and(|t| {
                    let t = t.trim_end();
                    t.ends_with(" thành")
                        || t.ends_with(" into")
                        || t.ends_with(" into a")
                        || t.ends_with(" into an")
                });
                if became
                    && let Some(i) = self.cyclone.filter(|&i| i >= s.first_fact)
                    && let Some(Fact { body: FactBody::Cyclone(c), .. }) = self.facts.get_mut(i)
                    && c.lat.is_some()
                {
                    c.category = *category;
                }
                if number.is_some() {
                    // Another storm's number: what follows is not about the current fact.
                    if self.cyclone_number != *number {
                        self.cyclone = None;
                    }
                    self.cyclone_number = *number;
                }
                if let Some((x, y)) = name {
                    self.cyclone_name = Some(slice(self.input, s.norm, *x, *y).to_uppercase());
                }
                s.topic = Topic::Cyclone;
            }
            Item::CyclonePosition(category) => {
                // "it was located at …" after a low-pressure area: the low's position.
                if category.is_none() && self.low_pressure {
                    return;
                }
                if let Some(c) = category {
                    self.name_category(*c);
                }
                let idx = self.new_cyclone(s, a, b);
                self.cyclone = Some(idx);
                self.awaiting_position = Some(idx);
                s.topic = Topic::Cyclone;
            }
            Item::Position { lat, lon } => {
                let idx = match self.awaiting_position.take() {
                    Some(i) => i,
                    None if self.low_pressure => return,
                    None => {
                        let i = self.new_cyclone(s, a, b);
                        self.cyclone = Some(i);
                        i
                    }
                };
                if let Some(f) = self.facts.get_mut(idx) {
                    if let FactBody::Cyclone(c) = &mut f.body {
                        c.lat = Some(*lat);
                        c.lon = Some(*lon);
                    }
                    self.extended |= extend(self.input, s.norm, f, b);
                }
                s.topic = Topic::Cyclone;
            }
            Item::CycloneStrength(category) => {
                // "sustained winds of levels 2-3" in a city forecast, with no storm named
                // before or in the sentence, is the wind's strength: no storm to tell of.
                // A phrase that speaks of a centre ("vùng gần tâm", "near the centre") names one.
                let centre =
                    s.norm.text.get(a..b).is_some_and(|t| CENTRE_WORDS.iter().any(|w| t.contains(w)));
                let storm_named = centre
                    || self.cyclone.is_some()
                    || s.items.iter().enumerate().any(|(j, r)| {
                        j != k && (r.item.names_cyclone() || matches!(r.item, Item::Movement { .. }))
                    });
                if category.is_none() && !storm_named {
                    s.topic = Topic::Wind { fact: None, from: Directions::default(), start: a };
                    return;
                }
                // "… vùng gần tâm áp thấp nhiệt đới" says what the current system is.
                if let Some(c) = category {
                    self.name_category(*c);
                    let c = self.category;
                    if let Some(Fact { body: FactBody::Cyclone(cy), .. }) =
                        self.cyclone.and_then(|i| self.facts.get_mut(i))
                    {
                        cy.category = c;
                    }
                }
                s.topic = Topic::Cyclone;
            }
            Item::Movement { toward, kmh } => {
                // "Gió tây nam thổi với tốc độ 10-15 km/h", "winds mainly from the southeast at
                // 15-25 km/h": after a wind, in a sentence that names no storm, a speed with no
                // direction, or with the direction the wind comes from, is the wind's.
                if matches!(s.topic, Topic::Wind { .. })
                    && !s.items.iter().any(|r| r.item.names_cyclone())
                    && follows_wind(s, k)
                    && (toward.is_empty() || comes_from(s, k))
                {
                    self.wind_from(s, *toward, b);
                    if let Some(kmh) = kmh {
                        self.speed(s, Unit::Kmh, *kmh, b);
                    }
                    return;
                }
                // "theo hướng Bắc, sau đó là Đông Bắc, mỗi giờ đi được 10-15km": a second
                // movement in the sentence of the first continues it, in the order written.
                if let Some(i) = self.cyclone.filter(|&i| i >= s.first_fact)
                    && let Some(f) = self.facts.get_mut(i)
                    && let FactBody::Cyclone(c) = &mut f.body
                    && let Some(m) = &mut c.moving
                    && s.items.get(..k).is_some_and(|before| {
                        before
                            .iter()
                            .rev()
                            .take_while(|r| !matches!(r.item, Item::Position { .. }))
                            .any(|r| matches!(r.item, Item::Movement { .. }))
                    })
                {
                    for d in toward.iter() {
                        if !m.toward.contains(&d) {
                            m.toward.push(d);
                        }
                    }
                    if m.kmh.is_none() {
                        m.kmh = *kmh;
                    }
                    self.extended |= extend(self.input, s.norm, f, b);
                    s.topic = Topic::Cyclone;
                    return;
                }
                let current = self.cyclone.filter(|&i| {
                    matches!(self.facts.get(i), Some(Fact { body: FactBody::Cyclone(c), .. }) if c.moving.is_none())
                });
                let idx = match current {
                    Some(i) => i,
                    None if self.cyclone.is_some() || matches!(s.topic, Topic::Cyclone) => {
                        let i = self.new_cyclone(s, a, b);
                        self.cyclone = Some(i);
                        i
                    }
                    None => return,
                };
                if let Some(f) = self.facts.get_mut(idx) {
                    if let FactBody::Cyclone(c) = &mut f.body {
                        c.moving = Some(Moving { toward: toward.to_vec(), kmh: *kmh });
                    }
                    self.extended |= extend(self.input, s.norm, f, b);
                }
                s.topic = Topic::Cyclone;
            }
            Item::Change | Item::Cause | Item::Boilerplate | Item::Filler | Item::Name | Item::Unknown => {}
        }
    }

    /// Whether a sentence whose full stop is missing ends before item `k`: a capitalised topic
    /// word right after a value or a time ("… thấp nhất 0,7m lúc 16h55 Sóng cao 0,5 - 1,5m").
    fn missing_full_stop(&self, s: &Sentence<'_>, k: usize) -> bool {
        let Some(raw) = s.items.get(k) else { return false };
        let topic = matches!(
            raw.item,
            Item::WavesWord
                | Item::TideWord
                | Item::TempWord
                | Item::Bound(_)
                | Item::HumidityWord(_)
                | Item::VisibilityWord
                | Item::RainfallWord
                | Item::Wind { .. }
        );
        // Asked at every item: most are no topic word, and the item before need not be looked at
        // (234.6k -> 234.4k instructions per typical parse).
        if !topic {
            return false;
        }
        let after_reading = k
            .checked_sub(1)
            .and_then(|p| s.items.get(p))
            .is_some_and(|r| matches!(r.item, Item::Value(_) | Item::When | Item::Level { .. }));
        after_reading
            && self.input.get(s.norm.start(raw.start)..).and_then(|t| t.chars().next()).is_some_and(is_upper)
    }

    /// "Bão ở trên vùng biển phía Đông khu vực Bắc Biển Đông", "vùng áp thấp trên khu vực bắc
    /// Biển Đông đã mạnh lên thành áp thấp nhiệt đới": a storm placed only by the sea it is in
    /// has a stated position, so it is a cyclone fact, when its sentence states nothing else
    /// about it (a position, a strength or a movement make their own fact).
    fn cyclone_at_sea(&mut self, s: &mut Sentence<'_>) {
        let items = s.items;
        let Some(k) = items.iter().position(|r| matches!(r.item, Item::CycloneWord { .. })) else { return };
        // Boilerplate or a cause after the storm ("bão sẽ đi vào Biển Đông, song ít khả năng …")
        // does not take back what was said of it before.
        let stated_otherwise = items.iter().enumerate().any(|(n, r)| {
            matches!(
                r.item,
                Item::Position { .. } | Item::CyclonePosition(_) | Item::CycloneStrength(_) | Item::Movement { .. }
            ) || (n < k && matches!(r.item, Item::Boilerplate | Item::Cause))
                // "áp thấp nhiệt đới sẽ suy yếu thành vùng áp thấp trên vùng biển …": the sea is
                // where the low will be.
                || (n > k && matches!(r.item, Item::LowPressure))
        });
        if stated_otherwise {
            return;
        }
        let text = |r: &Raw| s.norm.text.get(r.start..r.end).unwrap_or("");
        // "3 cơn bão trên Biển Đông" counts storms; "storms or tropical depressions appearing in
        // the East Sea" speaks of storms in general.
        let counted =
            k.checked_sub(1).and_then(|p| items.get(p)).is_some_and(|r| matches!(r.item, Item::Value(_)));
        if counted || items.get(k).is_some_and(|r| text(r).trim_end().ends_with('s')) {
            return;
        }
        // At sea, not on the coast ("vùng đất liền ven biển").
        let at_sea = |(n, r): &(usize, &Raw)| match r.item {
            Item::Where => {
                SEA_WORDS.iter().any(|w| text(r).contains(w))
                    && !LAND_WORDS.iter().any(|w| text(r).contains(w))
            }
            // A sea named without a place word reads as a filler: a place only after a word that
            // puts the storm in it ("bão sẽ đi vào Biển Đông"), not in a title ("Tin bão biển
            // Đông") nor near it ("gần Biển Đông").
            Item::Filler => {
                SEA_NAMES.contains(&text(r).trim_blanks())
                    && n.checked_sub(1)
                        .and_then(|p| items.get(p))
                        .is_some_and(|p| INTO.contains(&text(p).trim_blanks()))
            }
            _ => false,
        };
        let (Some(cyclone), Some((_, sea))) = (items.get(k), items.iter().enumerate().find(at_sea)) else {
            return;
        };
        let (a, b) = (cyclone.start.min(sea.start), cyclone.end.max(sea.end));
        let idx = self.new_cyclone(s, a, b);
        self.cyclone = Some(idx);
    }

    /// Whether item `k` comes right after a fact of its clause (only neutral items between): one
    /// made in the clause, or a rain the clause's rain phrase merged into ("có mưa, mưa nhỏ rải
    /// rác": the coverage is the one rain fact's).
    fn follows_fact(&self, s: &Sentence<'_>, k: usize) -> bool {
        let merged_here = s.last_rain.is_some_and(|(f, j)| f >= s.clause_start || j >= s.clause_first_item);
        if self.facts.len() == s.clause_start && !merged_here {
            return false;
        }
        let before = s.items.get(s.clause_first_item..k).unwrap_or(&[]);
        before.iter().rev().find(|r| !r.item.is_neutral()).is_some_and(|r| r.item.produces_fact())
    }

    /// Applies a trailing qualifier to the facts of the current clause.
    fn trail(&mut self, s: &Sentence<'_>, f: impl Fn(&mut Qualifiers)) {
        let from = s.last_rain.map_or(s.clause_start, |(r, _)| r.min(s.clause_start));
        let from = if from < s.first_fact { s.clause_start } else { from };
        self.qualify_from(from, f);
    }

    /// Applies `f` to the qualifiers of every fact from index `from` on.
    fn qualify_from(&mut self, from: usize, f: impl Fn(&mut Qualifiers)) {
        for fact in self.facts.get_mut(from..).unwrap_or(&mut []) {
            f(&mut fact.qualifiers);
        }
    }

    /// The input text of normalised span `span`, kept in `qualifier_texts[slot]`.
    fn qualifier_text(&mut self, slot: usize, norm: &Normalized, span: (usize, usize)) -> String {
        let Some(kept) = self.qualifier_texts.get_mut(slot) else { return String::new() };
        let text = match *kept {
            Some((at, text)) if at == span => text,
            _ => {
                let text = self.input.get(norm.start(span.0)..norm.end(span.1)).unwrap_or("").trim_blanks();
                *kept = Some((span, text));
                text
            }
        };
        text.to_owned()
    }

    fn qualifiers(&mut self, s: &Sentence<'_>) -> Qualifiers {
        Qualifiers {
            where_: s.where_.map(|span| self.qualifier_text(0, s.norm, span)),
            when: s.when.map(|span| self.qualifier_text(1, s.norm, span)),
            coverage: s.coverage,
            likelihood: s.likelihood.then_some(Likelihood::Possible),
            condition: s.condition,
            observed: (s.observed || self.observed_block).then_some(true),
        }
    }

    fn push(&mut self, s: &mut Sentence<'_>, body: FactBody, a: usize, b: usize) -> usize {
        // The first value after "Độ ẩm", "Sóng cao", "Nhiệt độ…" starts its fact's text there.
        let a = s.topic_start.take().map_or(a, |t| t.min(a));
        let (mut start, end) = (s.norm.start(a), s.norm.end(b));
        // A fact does not reach back over the fact made before it in its sentence: "cấp 6 cấp 6
        // cấp 6 …" would otherwise give each fact the text of all before it, and a line of them
        // an output that grows with the square of the input.
        if self.facts.len() > s.first_fact
            && let Some(last) = self.facts.last()
            && start < last.span.1
            && last.span.1 < end
        {
            let rest = self.input.get(last.span.1..end).unwrap_or("");
            start = end - rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').len();
        }
        let text = self.input.get(start..end).unwrap_or("").to_owned();
        let qualifiers = self.qualifiers(s);
        self.facts.push(Fact { body, span: Span(start, end), text, qualifiers });
        // A leading coverage word qualifies one fact (or one merged rain phrase).
        s.coverage = None;
        self.facts.len() - 1
    }

    /// "ngày nắng", "ngày nắng nóng": the phrase says its own time, "ngày" (the contract's
    /// example), whatever time an earlier clause said ("đêm có mưa rào vài nơi, ngày nắng").
    /// Only fact `idx` takes it: what follows in the clause keeps the sentence's time.
    fn day_phrase(&mut self, s: &Sentence<'_>, idx: usize, a: usize) {
        const DAY: &str = "ngày";
        // A date said before stays ("Từ ngày 19/6, ngày nắng"): it says more than "ngày".
        if s.norm.text.get(a..).is_some_and(|t| t.starts_with("ngày "))
            && let Some(f) = self.facts.get_mut(idx)
            && !f.qualifiers.when.as_ref().is_some_and(|w| w.bytes().any(|c| c.is_ascii_digit()))
        {
            f.qualifiers.when = Some(slice(self.input, s.norm, a, a + DAY.len()));
        }
    }

    /// A category named in a position or strength phrase ("tâm áp thấp nhiệt đới"). "tâm bão"
    /// is said of super typhoons too, so it does not undo "siêu bão".
    fn name_category(&mut self, c: CycloneCategory) {
        if !(c == CycloneCategory::Storm && self.category == CycloneCategory::SuperTyphoon) {
            self.category = c;
        }
    }

    fn new_cyclone(&mut self, s: &mut Sentence<'_>, a: usize, b: usize) -> usize {
        let c = Cyclone {
            category: self.category,
            number: self.cyclone_number,
            name: self.cyclone_name.clone(),
            at: s.when.map(|(x, y)| slice(self.input, s.norm, x, y)),
            lat: None,
            lon: None,
            level: None,
            gust: None,
            speed_kmh: None,
            moving: None,
        };
        self.push(s, FactBody::Cyclone(Box::new(c)), a, b)
    }

    fn level(&mut self, s: &mut Sentence<'_>, k: usize, kind: LevelKind, range: Range) {
        let Some(raw) = s.items.get(k) else { return };
        let (a, b) = (raw.start, raw.end);
        // "Cấp 3: vùng biển phía Bắc khu vực Bắc Biển Đông |": a level opening its cell or line
        // and naming the areas after a colon is a risk level (the risk column of a storm table).
        let risk = range.min.filter(|&m| Some(m) == range.max && (1.0..=5.0).contains(&m));
        if k == 0
            && kind == LevelKind::Plain
            && let Some(level) = risk
            && s.norm.text.get(b..).is_some_and(|t| t.skip_blanks().starts_with(':'))
        {
            let idx = self.push(s, FactBody::Risk { level: level as u8, cause: None }, a, b);
            s.topic = Topic::Risk(Some(idx));
            return;
        }
        match s.topic.clone() {
            Topic::Risk(existing) => {
                let level = range.min.unwrap_or(0.0) as u8;
                if !(1..=5).contains(&level) {
                    return;
                }
                // The same level again adds to the fact; another level is another area's ("cấp 4
                // đối với vùng biển phía Bắc; cấp 3 đối với vịnh Bắc Bộ").
                let same = |f: &Fact| matches!(f.body, FactBody::Risk { level: l, .. } if l == level);
                match existing {
                    Some(i) if !s.exception && self.facts.get(i).is_some_and(same) => {
                        if let Some(f) = self.facts.get_mut(i) {
                            self.extended |= extend(self.input, s.norm, f, b);
                        }
                    }
                    _ => {
                        let idx = self.push(s, FactBody::Risk { level, cause: None }, a, b);
                        s.topic = Topic::Risk(Some(idx));
                    }
                }
            }
            Topic::Gusts(i) => {
                if let Some(f) = self.facts.get_mut(i)
                    && let FactBody::Hazard { level: l @ None, .. } = &mut f.body
                {
                    *l = Some(range);
                    self.extended |= extend(self.input, s.norm, f, b);
                    return;
                }
                s.topic = Topic::None;
                self.level(s, k, kind, range);
            }
            Topic::Cyclone => self.cyclone_level(s, kind, range, a, b),
            Topic::Wind { fact, from, start } => {
                // "Northeast winds inland at level 2-3, reaching level 3-4 in coastal areas": a
                // rise to a level said of a place named right after it, where the wind already has
                // a level, is that place's wind (as "ven biển cấp 3-4"), not the wind's later level.
                // (Its place is the one after it, not the sentence's: set once the fact is made.)
                let place_after = kind == LevelKind::Rise
                    && place_closes(s, k)
                    && fact.is_some_and(|i| {
                        matches!(self.facts.get(i), Some(Fact { body: FactBody::Wind(w), .. }) if w.level.is_some())
                    });
                let kind = if place_after {
                    s.exception = true;
                    LevelKind::Plain
                } else {
                    kind
                };
                let target = fact.filter(|&i| {
                    !s.exception
                        && matches!(self.facts.get(i), Some(Fact { body: FactBody::Wind(w), .. }) if slot_free(w, kind))
                });
                let idx = match target {
                    Some(i) => i,
                    None => {
                        // An exception opens a new fact that keeps only the direction.
                        let begin = if fact.is_none() { start } else { self.clause_begin(s, a) };
                        let w = Wind { from: from.to_vec(), ..Wind::default() };
                        let idx = self.push(s, FactBody::Wind(Box::new(w)), begin, b);
                        s.exception = false;
                        s.topic = Topic::Wind { fact: Some(idx), from, start };
                        idx
                    }
                };
                let place = s
                    .items
                    .get(k + 1)
                    .filter(|_| place_after)
                    .map(|r| slice(self.input, s.norm, r.start, r.end));
                if let Some(f) = self.facts.get_mut(idx) {
                    if let FactBody::Wind(w) = &mut f.body {
                        set_slot(w, kind, range);
                    }
                    if place.is_some() {
                        f.qualifiers.where_ = place;
                    }
                    self.extended |= extend(self.input, s.norm, f, b);
                }
            }
            // "Trong cơn dông có thể có gió giật mạnh cấp 7-8": gusts in thunderstorms, with no
            // wind named, are the strong-gusts hazard (the contract's "gió giật mạnh cấp 6-7").
            Topic::None
                if kind == LevelKind::Gust
                    && s.condition == Some(Condition::InThunderstorms)
                    && !self.storm_table =>
            {
                let begin = self.clause_begin(s, a);
                let level = Some(range);
                self.push(s, FactBody::Hazard { hazard: HazardKind::StrongGusts, level }, begin, b);
            }
            Topic::None if !self.storm_table => {
                // "Vùng biển từ Khánh Hoà đến TP HCM cấp 6, giật cấp 7-8": a wind with no word;
                // the exception of an area to the wind of the sentence before keeps its
                // direction ("Gió đông bắc cấp 4-5. Riêng phía Đông cấp 6").
                if matches!(kind, LevelKind::Plain | LevelKind::Gust | LevelKind::AtTimes) {
                    let begin = self.clause_begin(s, a);
                    let excepted = s.excepted_clause || s.where_.is_some();
                    let from = if excepted && self.facts.len() == s.first_fact {
                        self.previous_wind.unwrap_or_default()
                    } else {
                        Directions::default()
                    };
                    self.area_wind(s, from, kind, range, begin, b);
                }
            }
            Topic::None => self.cyclone_level(s, kind, range, a, b),
            // "gió mạnh cấp 8-9, sóng biển cao 2-4m, vùng gần tâm bão đi qua cấp 10-11, giật cấp
            // 14": a level after another topic is an area's exception to the sentence's wind.
            _ if matches!(kind, LevelKind::Plain | LevelKind::Gust | LevelKind::AtTimes)
                && !self.storm_table =>
            {
                let wind = self.facts.get(s.first_fact..).and_then(|made| {
                    made.iter().rev().find_map(|f| match &f.body {
                        FactBody::Wind(w) => Some(Directions::from_slice(&w.from)),
                        _ => None,
                    })
                });
                if let Some(from) = wind {
                    let begin = self.clause_begin(s, a);
                    self.area_wind(s, from, kind, range, begin, b);
                }
            }
            _ => {}
        }
    }

    /// The direction of the last wind of this sentence that has one, else of the sentence
    /// before.
    fn wind_before(&self, s: &Sentence<'_>) -> Option<Directions> {
        self.last_wind_from(s.first_fact).or(self.previous_wind)
    }

    /// The direction of the last wind fact made since fact `first` that has one.
    fn last_wind_from(&self, first: usize) -> Option<Directions> {
        self.facts.get(first..).and_then(|made| {
            made.iter().rev().find_map(|f| match &f.body {
                FactBody::Wind(w) if !w.from.is_empty() => Some(Directions::from_slice(&w.from)),
                _ => None,
            })
        })
    }

    /// A wind fact with one level of `kind` said of an area ("vùng ven biển cấp 6"), blowing
    /// `from` where the wind it is an exception to does; it becomes the topic.
    fn area_wind(
        &mut self,
        s: &mut Sentence<'_>,
        from: Directions,
        kind: LevelKind,
        range: Range,
        begin: usize,
        b: usize,
    ) {
        let mut w = Wind { from: from.to_vec(), ..Wind::default() };
        set_slot(&mut w, kind, range);
        let idx = self.push(s, FactBody::Wind(Box::new(w)), begin, b);
        s.topic = Topic::Wind { fact: Some(idx), from, start: begin };
    }

    /// Where an exception clause begins: its first item, so the fact's text includes "ven biển".
    fn clause_begin(&self, s: &Sentence<'_>, a: usize) -> usize {
        s.items.get(s.clause_first_item).map_or(a, |r| r.start.min(a))
    }

    fn cyclone_level(&mut self, s: &mut Sentence<'_>, kind: LevelKind, range: Range, a: usize, b: usize) {
        let free = |c: &Cyclone| match kind {
            LevelKind::Gust => c.gust.is_none(),
            _ => c.level.is_none(),
        };
        let current = self.cyclone.filter(
            |&i| matches!(self.facts.get(i), Some(Fact { body: FactBody::Cyclone(c), .. }) if free(c)),
        );
        let idx = match current {
            Some(i) => i,
            None if self.storm_table => return,
            None if matches!(kind, LevelKind::Plain | LevelKind::Rise | LevelKind::Gust) => {
                let i = self.new_cyclone(s, a, b);
                self.cyclone = Some(i);
                i
            }
            None => return,
        };
        if let Some(f) = self.facts.get_mut(idx) {
            if let FactBody::Cyclone(c) = &mut f.body {
                match kind {
                    LevelKind::Gust => c.gust = Some(range),
                    LevelKind::AtTimes | LevelKind::Later => {}
                    _ => c.level = Some(range),
                }
            }
            self.extended |= extend(self.input, s.norm, f, b);
        }
    }

    fn value(&mut self, s: &mut Sentence<'_>, k: usize, v: super::quantity::Value) {
        let Some(raw) = s.items.get(k) else { return };
        let (a, b) = (raw.start, raw.end);
        // A bare number before a storm word counts storms ("about 3.8 storms", "2-3 cơn
        // bão"): no reading of anything.
        if v.unit == Unit::None
            && matches!(s.items.get(k + 1).map(|r| &r.item), Some(Item::CycloneWord { .. }))
        {
            return;
        }
        match v.unit {
            // "Độ ẩm 80-90%, điểm sương 13 độ C", "a dew point of 24C": no air temperature.
            Unit::Celsius
                if k.checked_sub(1)
                    .and_then(|p| s.items.get(p))
                    .and_then(|r| s.norm.text.get(r.start..r.end))
                    .is_some_and(|t| DEW_POINT.iter().any(|w| t.ends_with(w))) => {}
            Unit::Celsius => self.temperature(s, k, v.range, a, b),
            Unit::None => match s.topic {
                // After a temperature of this sentence, a bare number right after unknown words
                // is another reading: "…31-33 độ C và chỉ số UV … cao (5)", where "…22-25 độ C,
                // vùng núi 18-20" and "…, đỉnh Mẫu Sơn 12" are temperatures.
                Topic::Temperature if s.last_temp.is_some() && unknown_since_value(s, k) => {}
                Topic::Temperature => self.temperature(s, k, v.range, a, b),
                // "wind jerked strongly about 5-7": a bare level after strong gusts is theirs. A
                // bare number is a risk's level only right after it and its place or time ("Risk
                // level 1", "Cấp độ rủi ro thiên tai khu vực này ở mức 3"; "… applies to 5
                // northern provinces", "until 4 p.m" are none).
                Topic::Risk(_)
                    if v.range.min.is_some_and(|m| m <= 17.0)
                        && s.items
                            .get(..k)
                            .and_then(|p| {
                                p.iter().rev().find(|r| {
                                    !matches!(
                                        r.item,
                                        Item::Filler
                                            | Item::Where
                                            | Item::When
                                            | Item::Comma
                                            | Item::Semicolon
                                    ) && !matches!(&r.item, Item::Value(v) if v.unit == Unit::None)
                                })
                            })
                            .is_some_and(|r| matches!(r.item, Item::Risk { .. } | Item::Exception)) =>
                {
                    self.level(s, k, LevelKind::Plain, v.range);
                }
                Topic::Wind { .. } | Topic::Gusts(_) if v.range.min.is_some_and(|m| m <= 17.0) => {
                    self.level(s, k, LevelKind::Plain, v.range);
                }
                // "with its wind force level near center of 17": the storm's strength.
                Topic::Cyclone
                    if v.range.min.is_some_and(|m| m <= 17.0)
                        && s.items
                            .get(..k)
                            .and_then(|p| p.iter().rev().find(|r| !matches!(r.item, Item::Filler)))
                            .is_some_and(|r| matches!(r.item, Item::CycloneStrength(_))) =>
                {
                    self.level(s, k, LevelKind::Plain, v.range);
                }
                _ => {}
            },
            Unit::Percent => {
                if let Topic::Humidity(stat) = s.topic
                    && !self.opens_as_cause(s, k, b)
                {
                    self.push(s, FactBody::Humidity { percent: v.range, stat }, a, b);
                }
            }
            Unit::Mm => {
                self.push(s, FactBody::Rainfall { mm: v.range, hours: v.hours }, a, b);
            }
            Unit::M | Unit::Cm => {
                if s.topic == Topic::Waves {
                    let m = if v.unit == Unit::Cm { scale(v.range, 0.01) } else { v.range };
                    self.push(s, FactBody::Waves { m }, a, b);
                } else if s.topic == Topic::Visibility
                    && v.unit == Unit::M
                    && v.range.max.is_some_and(|m| m <= 5000.0)
                {
                    // "tầm nhìn xa dưới 500m", "visibility below 100 m" in dense fog: in km. Only
                    // a poor visibility is given in metres; "tầm nhìn dưới 10000 m, trên 1000 m"
                    // defines mist.
                    self.push(s, FactBody::Visibility { km: scale(v.range, 0.001) }, a, b);
                }
            }
            Unit::Km => {
                if s.topic == Topic::Visibility {
                    self.push(s, FactBody::Visibility { km: v.range }, a, b);
                }
            }
            Unit::Kmh | Unit::Ms => {
                // "Gió đông nam 5-8 m/s, giật 10-12 m/s": a gust's speed is not the wind's.
                let gust = k
                    .checked_sub(1)
                    .and_then(|p| s.items.get(p))
                    .and_then(|r| s.norm.text.get(r.start..r.end))
                    .and_then(|t| self.lex.longest(Cat::LevelKind, t))
                    .is_some_and(|(kind, _)| kind == "gust");
                if !gust {
                    self.speed(s, v.unit, v.range, b);
                }
            }
        }
    }

    /// The direction a wind comes from, said after it ("winds from the north"): the wind of the
    /// sentence's topic takes it when it has none.
    fn wind_from(&mut self, s: &mut Sentence<'_>, from: Directions, b: usize) {
        if from.is_empty() {
            return;
        }
        match s.topic {
            Topic::Wind { fact: Some(i), .. } => {
                if let Some(f) = self.facts.get_mut(i)
                    && let FactBody::Wind(w) = &mut f.body
                    && w.from.is_empty()
                {
                    w.from = from.to_vec();
                    self.extended |= extend(self.input, s.norm, f, b);
                }
            }
            // A wind with neither level nor direction yet: its levels and speed to come take the
            // direction ("Gió ở Bắc Bộ chuyển hướng đông bắc, trong đất liền cấp 2-3, ven biển cấp
            // 3-4"), and a direction alone makes no fact, as "Gió đông bắc." makes none. A place
            // said on the way ("Gió ở vùng ven biển chuyển hướng bắc cấp 3-4") is this wind's, not
            // an exception to it.
            Topic::Wind { fact: None, from: before, start } if before.is_empty() => {
                s.topic = Topic::Wind { fact: None, from, start };
                s.exception = false;
            }
            _ => {}
        }
    }

    fn speed(&mut self, s: &mut Sentence<'_>, unit: Unit, range: Range, b: usize) {
        let target = match &s.topic {
            Topic::Wind { fact: Some(i), .. } => Some(*i),
            Topic::Cyclone => self.cyclone,
            // A wind with a speed and no level, in a sentence about the storm ("the strongest
            // winds were estimated at between 75km and 100km per hour close to the centre of
            // the typhoon"), is the storm's.
            Topic::Wind { fact: None, .. } if s.items.iter().any(|r| r.item.names_cyclone()) => self.cyclone,
            // A wind from a direction with a speed and no level: "Gió Đông Bắc 3 - 4m/s".
            Topic::Wind { fact: None, from, start } if !from.is_empty() => {
                let (from, start) = (*from, *start);
                let w = Wind { from: from.to_vec(), ..Wind::default() };
                let i = self.push(s, FactBody::Wind(Box::new(w)), start, b);
                s.topic = Topic::Wind { fact: Some(i), from, start };
                Some(i)
            }
            _ => None,
        };
        let Some(f) = target.and_then(|i| self.facts.get_mut(i)) else { return };
        match &mut f.body {
            FactBody::Wind(w) if unit == Unit::Ms && w.speed_ms.is_none() => w.speed_ms = Some(range),
            FactBody::Wind(w) if unit == Unit::Kmh && w.speed_kmh.is_none() => w.speed_kmh = Some(range),
            FactBody::Cyclone(c) if c.speed_kmh.is_none() => c.speed_kmh = Some(range),
            _ => return,
        }
        self.extended |= extend(self.input, s.norm, f, b);
    }

    fn temperature(&mut self, s: &mut Sentence<'_>, k: usize, celsius: Range, a: usize, b: usize) {
        // No air temperature is below -60 °C or above 60 °C: such a number in degrees is a
        // coordinate or a year ("longitude 109-119 degrees", "since 1990").
        if [celsius.min, celsius.max].into_iter().flatten().any(|t| !(-60.0..=60.0).contains(&t)) {
            return;
        }
        // "rét 7-9 độ C" is the temperature only.
        let prev = s.items.get(..k).and_then(|p| p.iter().rev().find(|r| !matches!(r.item, Item::Filler)));
        if let Some(Raw { item: Item::Cold(ColdSeverity::Cold), .. }) = prev
            && self.facts.last().is_some_and(|f| matches!(f.body, FactBody::Cold { .. }))
        {
            self.facts.pop();
        }
        // Bounds come from words only: a bound stated in this sentence, else the one of the
        // temperature this clause is an exception to.
        let bound = match s.bound {
            Some(b) => b,
            None => s.last_temp.and_then(|i| match self.facts.get(i) {
                Some(Fact { body: FactBody::Temperature { bound, .. }, .. }) => *bound,
                _ => None,
            }),
        };
        let begin = if s.exception { self.clause_begin(s, a) } else { a };
        let idx = self.push(s, FactBody::Temperature { bound, celsius }, begin, b);
        s.last_temp = Some(idx);
        s.bound = None;
        s.topic = Topic::Temperature;
    }

    /// Whether the phrase of item `k` (ending at `b`) opens its sentence, after nothing but
    /// coverage words, commas and its own topic word, and a cause verb follows it: "Mưa lớn có
    /// khả năng gây lũ quét", "Độ ẩm trên 80% khiến hơi nước ngưng tụ". Such a phrase names the
    /// cause of what follows, which the contract says is no fact.
    fn opens_as_cause(&self, s: &Sentence<'_>, k: usize, b: usize) -> bool {
        let opens = s.items.get(..k).unwrap_or(&[]).iter().all(|r| {
            matches!(r.item, Item::Coverage(_) | Item::Comma | Item::HumidityWord(_) | Item::TempWord)
        });
        opens && self.opens_as_cause_after(s, k, b)
    }

    /// Whether the hazard of item `k` is in a list of hazards that opens its sentence (after
    /// nothing but coverage words; commas and fillers between the hazards) and is followed at
    /// once by a verb of causing: "Lốc, sét, mưa đá có thể gây thiệt hại …". ("Có lốc, sét gây
    /// thiệt hại" and "Lốc, sét có thể xảy ra và gây thiệt hại" state the hazards, as "Có mưa to
    /// gây ngập úng" states the rain.)
    fn hazards_cause(&self, s: &Sentence<'_>, k: usize) -> bool {
        let Some(first) = s.items.iter().position(|r| matches!(r.item, Item::Hazard(_))) else {
            return false;
        };
        let opens = s
            .items
            .get(..first)
            .is_some_and(|before| before.iter().all(|r| matches!(r.item, Item::Coverage(_))));
        let listed = |r: &Raw| matches!(r.item, Item::Hazard(_) | Item::Comma | Item::Filler);
        if !opens || !s.items.get(first..k).is_some_and(|list| list.iter().all(listed)) {
            return false;
        }
        // The list's last hazard.
        let mut last = k;
        for (j, r) in s.items.iter().enumerate().skip(k + 1) {
            match r.item {
                Item::Hazard(_) => last = j,
                Item::Comma | Item::Filler => {}
                _ => break,
            }
        }
        s.items.get(last).is_some_and(|r| {
            let text = s.norm.text.get(r.end..).unwrap_or_default().skip_blanks();
            self.lex.longest(Cat::CauseVerb, text).is_some()
        })
    }

    /// Whether what follows item `k` (which ends at `b`) is a verb of causing, perhaps after
    /// the item's coverage, likelihood or time.
    fn opens_as_cause_after(&self, s: &Sentence<'_>, k: usize, b: usize) -> bool {
        let causes_at = |at: usize| {
            let text = s.norm.text.get(at..).unwrap_or("").skip_blanks();
            self.lex.longest(Cat::CauseVerb, text).is_some()
        };
        if causes_at(b) {
            return true;
        }
        // "Mưa lớn cục bộ có khả năng gây ra lũ quét", "Mưa lớn kéo dài có thể gây ngập úng":
        // its coverage, likelihood or words that only describe it may stand between the rain and
        // the verb (a time may not: "Mưa lớn từ đêm nay đến ngày mai có thể gây lũ quét"
        // forecasts the rain).
        // So may "kéo dài" ("Mưa to kéo dài khiến nhiều tuyến phố bị ngập"). (What it is
        // combined with may not: "Nắng nóng kết hợp với gió tây khô nóng xảy ra ở … gây nguy cơ
        // cháy rừng" forecasts the heat.)
        for r in s.items.get(k + 1..).unwrap_or_default().iter().take(4) {
            let describes =
                matches!(r.item, Item::Coverage(_) | Item::Likelihood | Item::Filler | Item::Unknown)
                    || (r.item == Item::When && s.norm.text.get(r.start..r.end) == Some("kéo dài"));
            if !describes {
                break;
            }
            if causes_at(r.end) {
                return true;
            }
        }
        false
    }

    fn rain(&mut self, s: &mut Sentence<'_>, k: usize, form: Option<RainForm>, intensity: Intensities) {
        let Some(raw) = s.items.get(k) else { return };
        let (a, b) = (raw.start, raw.end);
        // "Mưa lớn có khả năng gây lũ quét", "Localized heavy rain can cause flash floods": rain
        // that opens its sentence as the cause of what follows is no rain fact (the contract's
        // "what is not"); "Ngày mai có mưa to gây ngập" still forecasts the rain.
        if self.opens_as_cause(s, k, b) {
            return;
        }
        // What stands between this phrase and the previous rain phrase decides: only commas
        // merge ("có mưa, mưa vừa"); a coverage word of its own makes a new fact.
        let mut merge_into = None;
        let mut adjacent = false;
        if let Some((f, j)) = s.last_rain {
            let between = s.items.get(j + 1..k).unwrap_or(&[]);
            adjacent = between.iter().all(|r| {
                matches!(
                    r.item,
                    Item::Comma | Item::Coverage(_) | Item::Filler | Item::When | Item::Likelihood
                )
            });
            let only_commas = between.iter().all(|r| matches!(r.item, Item::Comma | Item::Filler));
            if only_commas && s.coverage.is_none() && !s.exception {
                merge_into = Some(f);
            }
        }
        if form.is_none() && !adjacent {
            // A bare "to", "lớn" names a rain intensity only right after rain.
            return;
        }
        if let Some(f) = merge_into.and_then(|i| self.facts.get_mut(i)) {
            if let FactBody::Rain { form: fm, intensity: it } = &mut f.body {
                if let Some(nf) = form
                    && nf != RainForm::Rain
                {
                    *fm = nf;
                }
                *it = it.iter().copied().chain(intensity.iter()).collect::<Intensities>().to_vec();
            }
            self.extended |= extend(self.input, s.norm, f, b);
            s.last_rain = merge_into.map(|f| (f, k));
            return;
        }
        let body = FactBody::Rain { form: form.unwrap_or(RainForm::Rain), intensity: intensity.to_vec() };
        let idx = self.push(s, body, a, b);
        s.last_rain = Some((idx, k));
    }
}

/// Whether the words right before item `k` say that what it names ends: "hết", "không còn",
/// "chấm dứt", "kết thúc", "giảm" (with "đợt" between or not: "chấm dứt đợt nắng nóng"), and the
/// English verbs with their article ("ending the hot spell", "will end this heatwave"; "the
/// never-ending heatwave", "after the rain ends hot weather will return" and "the end of the
/// heatwave" say no such thing).
/// Words only, next to the item: "nhiệt độ giảm dần và trời chuyển rét" still turns cold.
fn ends_before(norm: &str, items: &[Raw], k: usize) -> bool {
    let Some(at) = items.get(k).map(|r| r.start) else { return false };
    let before = norm.get(..at).unwrap_or("").trim_end();
    // Asked at every heat and cold, mostly after no ending word: the last byte tells (see
    // `may_close_an_ending`; 233.7k -> 233.1k instructions per typical parse).
    if !before.as_bytes().last().is_some_and(|&b| may_close_an_ending(b)) {
        return false;
    }
    let word = |b: &str, w: &str| b.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(' '));
    if let Some(verb) = ENDS_ARTICLES.iter().find_map(|w| before.strip_suffix(w).filter(|b| b.ends_with(' ')))
    {
        return ENDS_EN.iter().any(|w| word(verb.trim_end(), w));
    }
    let before = before.strip_suffix(SPELL).map_or(before, str::trim_end);
    ENDS.iter().any(|w| {
        before.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !is_word_char(c)))
    })
}

/// The words of [`ends_before`]: Vietnamese, the English verbs, the articles between an English
/// verb and what ends, and "đợt" ("chấm dứt đợt nắng nóng").
const ENDS: [&str; 5] = ["hết", "không còn", "chấm dứt", "kết thúc", "giảm"];
const ENDS_EN: [&str; 4] = ["end", "ends", "ended", "ending"];
const ENDS_ARTICLES: [&str; 2] = ["the", "this"];
const SPELL: &str = "đợt";

/// Whether `b` may be the last byte of the words before an ending named thing: that of a word of
/// [`ENDS`], of an article of [`ENDS_ARTICLES`] or of [`SPELL`] (tested).
fn may_close_an_ending(b: u8) -> bool {
    // "ế" is E1 BA BF.
    matches!(b, b'e' | b's' | b't' | b'n' | b'c' | b'm' | 0xBF)
}

/// Whether the next item of the clause that is not neutral states a fact (a leading qualifier).
fn leads_fact(items: &[Raw], k: usize) -> bool {
    items
        .get(k + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|r| {
            !r.item.is_neutral()
                && !matches!(r.item, Item::Likelihood | Item::Condition(_) | Item::Coverage(_))
        })
        .is_some_and(|r| r.item.produces_fact())
}

/// Whether item `k` is followed by a place that ends its clause ("… level 3-4 in coastal areas."
/// or "…, ").
fn place_closes(s: &Sentence<'_>, k: usize) -> bool {
    matches!(s.items.get(k + 1).map(|r| &r.item), Some(Item::Where))
        && matches!(s.items.get(k + 2).map(|r| &r.item), None | Some(Item::Comma | Item::Semicolon))
}

fn slot_free(w: &Wind, kind: LevelKind) -> bool {
    match kind {
        LevelKind::Plain => w.level.is_none() && w.light.is_none(),
        LevelKind::AtTimes => w.at_times.is_none(),
        LevelKind::Gust => w.gust.is_none(),
        LevelKind::Later => w.later.is_none(),
        LevelKind::Rise => w.later.is_none(),
    }
}

fn set_slot(w: &mut Wind, kind: LevelKind, r: Range) {
    match kind {
        LevelKind::Plain => w.level = Some(r),
        LevelKind::AtTimes => w.at_times = Some(r),
        LevelKind::Gust => w.gust = Some(r),
        LevelKind::Later => w.later = Some(r),
        LevelKind::Rise if w.level.is_none() => w.level = Some(r),
        LevelKind::Rise => w.later = Some(r),
    }
}

fn scale(r: Range, k: f64) -> Range {
    Range::new(r.min.map(|x| x * k), r.max.map(|x| x * k))
}

/// The input text of a normalised span.
fn slice(input: &str, norm: &Normalized, a: usize, b: usize) -> String {
    input.get(norm.start(a)..norm.end(b)).unwrap_or("").trim_blanks().to_owned()
}

/// How many items after a rain a trend may stand and still take it back ("mưa lớn ở các khu vực
/// trên giảm dần": six).
const TREND_REACH: usize = 12;

/// Words of a place that is at sea ([`Builder::cyclone_at_sea`]).
const SEA_WORDS: [&str; 5] = ["biển", "vịnh", "khơi", "sea", "gulf"];
/// Seas named by themselves, which the vocabulary files as fillers.
/// Words of a storm-strength phrase that speak of a storm's centre: the phrase names a storm.
const CENTRE_WORDS: [&str; 4] = ["tâm", "centre", "center", "eye"];

const SEA_NAMES: [&str; 10] = [
    "biển đông",
    "bắc biển đông",
    "giữa biển đông",
    "nam biển đông",
    "vịnh bắc bộ",
    "vịnh thái lan",
    "east sea",
    "the east sea",
    "gulf of tonkin",
    "the gulf of tonkin",
];
/// Words that put a storm in the sea named after them.
const INTO: [&str; 12] = [
    "đi vào",
    "tiến vào",
    "hướng vào",
    "vào",
    "trên",
    "ở",
    "enter",
    "enters",
    "entered",
    "into",
    "in",
    "over",
];
/// Words of a place on land, even beside the sea.
const LAND_WORDS: [&str; 5] = ["ven biển", "đất liền", "coast", "inland", "land"];

/// Extends a fact's span and text to normalised end `b`; whether it grew.
fn extend(input: &str, norm: &Normalized, f: &mut Fact, b: usize) -> bool {
    let end = norm.end(b);
    if end > f.span.1 {
        // The text is the input over the span: only what the span gained is copied (a fact
        // extended item after item, "cấp 6 cấp 6 …", would otherwise copy its text each time).
        match input.get(f.span.1..end) {
            Some(more) if input.get(f.span.0..f.span.1) == Some(f.text.as_str()) => f.text.push_str(more),
            _ => f.text = input.get(f.span.0..end).unwrap_or("").to_owned(),
        }
        f.span.1 = end;
        return true;
    }
    false
}
/// Whether unknown words stand between item `k` and the value before it, and no place names
/// the number: "… chỉ số tia cực tím ở mức rất cao (9)" is another reading, "…, đỉnh Mẫu Sơn
/// 12" a place's temperature.
fn unknown_since_value(s: &Sentence<'_>, k: usize) -> bool {
    let since = || {
        s.items.get(..k).unwrap_or_default().iter().rev().take_while(|r| !matches!(r.item, Item::Value(_)))
    };
    let unknown = since().any(|r| matches!(r.item, Item::Unknown));
    let named = since().find(|r| !matches!(r.item, Item::Filler)).is_some_and(|r| match r.item {
        Item::Name => true,
        Item::Where => {
            !super::phrase::bare_place(s.norm.text.get(r.start..r.end).unwrap_or("").trim_blanks())
        }
        _ => false,
    });
    unknown && !named
}

/// Whether item `k` follows a wind at once, or after "from" or a comma ("Gió tây nam thổi với tốc độ …",
/// "winds from the north at 20km/h"): what moves further on is something else ("không khí lạnh
/// di chuyển với tốc độ 20 km/h", "vùng mây dông di chuyển …").
fn follows_wind(s: &Sentence<'_>, k: usize) -> bool {
    let before = |j: usize| j.checked_sub(1).and_then(|p| s.items.get(p).map(|r| (p, r)));
    // After a comma too: "Winds will be light to moderate, mainly from the northeast at …";
    // after the wind's place, "Gió ở vùng ven biển chuyển hướng bắc"; after its other levels,
    // "Gió đông bắc cấp 3-4, giật cấp 6, tốc độ 20-30km/h".
    let mut k = k;
    while let Some((p, r)) = before(k)
        && (matches!(r.item, Item::Comma | Item::Where | Item::Level { .. })
            || s.norm.text.get(r.start..r.end) == Some("chuyển"))
    {
        k = p;
    }
    match before(k) {
        Some((_, r)) if matches!(r.item, Item::Wind { .. }) => true,
        Some((p, r)) if s.norm.text.get(r.start..r.end) == Some("from") => {
            before(p).is_some_and(|(_, w)| matches!(w.item, Item::Wind { .. }))
        }
        _ => false,
    }
}

/// Whether the movement of item `k` says where the wind comes from: "from the northeast at
/// 10-20km/h", "winds from the north at 20km/h" ("from" in it or right before it).
fn comes_from(s: &Sentence<'_>, k: usize) -> bool {
    let text = |r: &Raw| s.norm.text.get(r.start..r.end).unwrap_or_default();
    let own = s.items.get(k).map(text).unwrap_or_default();
    own.starts_with("from ")
        || own.contains(" from ")
        // "Gió ở vùng ven biển chuyển hướng bắc cấp 3-4": the direction a wind turns to is
        // where it blows from.
        || own.starts_with("chuyển hướng ")
        || own.starts_with("hướng ")
        || k.checked_sub(1).and_then(|p| s.items.get(p)).is_some_and(|r| text(r) == "from" || text(r) == "chuyển")
}

/// The dew point's names (fillers in the vocabulary): a value in degrees after one is no
/// temperature.
const DEW_POINT: [&str; 3] = ["điểm sương", "dew point", "dew point of"];

/// The verbs before a wind that make it the strength of the storm named before it in its
/// clause ("The storm, packing winds of level 11 and gusts of level 13, …"), as "with" does.
const STRENGTH_VERBS: [&str; 4] = ["packing", "carrying", "packs", "carries"];

/// What follows a phenomenon that defines it ("Rét hại là khi nhiệt độ trung bình ngày dưới 13
/// độ C", "Nắng nóng là hiện tượng …", "Rét đậm khi nhiệt độ trung bình ngày từ 13 đến 15 độ
/// C", "Sương mù dày là khi tầm nhìn xa giảm xuống dưới 200m"): a criterion, not a forecast.
/// ("Trời rét khi nhiệt độ xuống 12-14 độ C", "the peak of the heatwave is when temperatures
/// reach 40 degrees" forecast: "khi" alone defines only before the daily mean temperature.)
const DEFINES: [&str; 10] = [
    "là khi",
    "là hiện tượng",
    "là giai đoạn",
    "là thời kỳ",
    "là trường hợp",
    "được xác định khi",
    "khi nhiệt độ trung bình ngày",
    "is defined as",
    "occurs when the temperature",
    "refers to",
];

/// When item `k` is a phenomenon followed by a definition ([`DEFINES`]): the item where the
/// definition ends, at a semicolon, or at a comma or "nhưng"/"but" before a forecast ("…, dự
/// báo vùng núi nhiệt độ thấp nhất 5-7 độ C", "… nhưng chiều qua …"; "… nhưng ở vùng núi cao là
/// dưới 10 độ C" goes on defining); else the sentence's end.
fn definition_end(s: &Sentence<'_>, k: usize) -> Option<usize> {
    let r = s.items.get(k)?;
    if !r.item.produces_fact() {
        return None;
    }
    let after = s.norm.text.get(r.end..)?.skip_blanks();
    // Asked after every fact: the first byte settles most ("là", "khi", "được", "is", "occurs",
    // "refers").
    if !matches!(after.as_bytes().first(), Some(b'l' | b'k' | 0xC4 | b'i' | b'o' | b'r'))
        || !DEFINES.iter().any(|d| after.starts_with(d))
    {
        return None;
    }
    let text = |r: &Raw| s.norm.text.get(r.start..r.end).unwrap_or_default();
    let forecast = |r: &Raw| {
        matches!(r.item, Item::When) || ["dự báo", "forecast"].iter().any(|w| text(r).starts_with(w))
    };
    let ends = |j: usize| {
        let Some(r) = s.items.get(j) else { return true };
        matches!(r.item, Item::Semicolon)
            || ((matches!(text(r), "nhưng" | "but") || matches!(r.item, Item::Comma))
                && s.items.get(j + 1).is_some_and(forecast))
    };
    Some((k + 1..=s.items.len()).find(|&j| ends(j)).unwrap_or(s.items.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ending_words_close_with_a_listed_byte() {
        for w in ENDS.iter().chain(&ENDS_ARTICLES).chain([&SPELL]) {
            assert!(w.as_bytes().last().is_some_and(|&b| may_close_an_ending(b)), "{w}");
        }
    }
}
