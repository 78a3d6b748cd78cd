//! The domain: a parsed bulletin as the JSON contract (`canhbao.bulletin/1`) describes it.
//!
//! These types are the contract. They carry no parsing logic and import nothing from the
//! adapters: the parser builds them, the alert engine and the API read them. Field names and
//! enumeration values are fixed by `../shared/spec/bulletin-json.md`; new fields and kinds may be
//! added, nothing listed there may be renamed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};
use strum::{EnumString, IntoStaticStr, VariantNames};

/// The schema identifier every document carries.
pub const SCHEMA: &str = "canhbao.bulletin/1";

/// One parsed bulletin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// `vi` or `en`.
    pub language: Language,
    /// RFC 3339 time with offset when the text states when it was issued; `null` otherwise.
    pub issued_at: Option<String>,
    /// One per area heading; text before the first heading has `area: null`.
    pub sections: Vec<Section>,
    /// Stretches the grammar did not turn into facts, headings or recognised filler.
    pub unparsed: Vec<Unparsed>,
    /// Share of the input's non-whitespace characters inside a fact's, heading's or filler's span.
    #[serde(serialize_with = "ser_num")]
    pub coverage: f64,
}

impl Document {
    /// An empty document (no sections, coverage 0) in the given language.
    pub fn empty(language: Language) -> Self {
        Self {
            schema: SCHEMA.to_owned(),
            language,
            issued_at: None,
            sections: Vec::new(),
            unparsed: Vec::new(),
            coverage: 0.0,
        }
    }

    /// Every fact of every section, in document order.
    pub fn facts(&self) -> impl Iterator<Item = &Fact> {
        self.sections.iter().flat_map(|s| s.facts.iter())
    }

    /// The JSON Schema of the document, generated from these types.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default()
    }
}

/// The language of a bulletin.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, EnumString, IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Language {
    Vi,
    En,
}

/// `[start, end)` byte offsets into the input exactly as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn start(self) -> usize {
        self.0
    }
    pub fn end(self) -> usize {
        self.1
    }
}

/// A part of the bulletin under one area heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    pub area: Option<Area>,
    pub span: Span,
    pub facts: Vec<Fact>,
}

/// An area heading as written, without a leading bullet and the trailing colon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Area {
    pub name: String,
    pub span: Span,
}

/// Text the grammar did not understand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unparsed {
    pub span: Span,
    pub text: String,
}

/// A numeric range; a single value has `min == max`, an open end is `null`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Range {
    #[serde(serialize_with = "ser_opt_num")]
    pub min: Option<f64>,
    #[serde(serialize_with = "ser_opt_num")]
    pub max: Option<f64>,
}

impl Range {
    pub fn new(min: Option<f64>, max: Option<f64>) -> Self {
        Self { min, max }
    }
    pub fn single(v: f64) -> Self {
        Self::new(Some(v), Some(v))
    }
    /// The worst side of the range for a `>=` threshold: its max, or its known end.
    pub fn upper(&self) -> Option<f64> {
        self.max.or(self.min)
    }
    /// The worst side of the range for a `<=` threshold: its min, or its known end.
    pub fn lower(&self) -> Option<f64> {
        self.min.or(self.max)
    }
}

/// One fact: its kind and fields, where it came from, and its qualifiers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    #[serde(flatten)]
    pub body: FactBody,
    pub span: Span,
    /// The exact source slice `input[span.0..span.1]`.
    pub text: String,
    #[serde(flatten)]
    pub qualifiers: Qualifiers,
}

impl Fact {
    /// The contract's `kind` name.
    pub fn kind(&self) -> &'static str {
        (&self.body).into()
    }
}

/// Optional qualifiers shared by every kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Qualifiers {
    /// A place inside the section, as written.
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
    /// A time inside the bulletin, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// `true` for what already happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<bool>,
}

/// The kinds of fact and their fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, IntoStaticStr)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FactBody {
    Sky {
        cover: SkyCover,
    },
    NoRain {},
    Rain {
        form: RainForm,
        intensity: Vec<Intensity>,
    },
    Rainfall {
        mm: Range,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hours: Option<u32>,
    },
    Thunderstorm {},
    Hazard {
        hazard: HazardKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<Range>,
    },
    Wind(Box<Wind>),
    Humidity {
        percent: Range,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stat: Option<Stat>,
    },
    Temperature {
        bound: Option<Bound>,
        celsius: Range,
    },
    Heat {
        severity: HeatSeverity,
    },
    Cold {
        severity: ColdSeverity,
    },
    Fog {
        density: FogDensity,
    },
    Visibility {
        km: Range,
    },
    Waves {
        m: Range,
    },
    SeaState {
        state: SeaState,
    },
    Risk {
        level: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cause: Option<String>,
    },
    Cyclone(Box<Cyclone>),
}

/// Wind: direction on the 16-point compass, Beaufort levels, speeds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Wind {
    #[serde(default)]
    pub from: Vec<Compass>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gust: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_times: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed_kmh: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed_ms: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light: Option<bool>,
}

/// A stated position or strength of a tropical cyclone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cyclone {
    pub category: CycloneCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_opt_num")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_opt_num")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gust: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed_kmh: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moving: Option<Moving>,
}

/// Where a cyclone is heading and how fast.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Moving {
    #[serde(default)]
    pub toward: Vec<Compass>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kmh: Option<Range>,
}

macro_rules! vocabulary_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
                 JsonSchema, EnumString, IntoStaticStr, VariantNames)]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($variant),+ }
    };
}

vocabulary_enum!(
    /// Sky cover.
    SkyCover { Clear, Few, PartlyCloudy, Variable, Cloudy, Overcast, Sunny }
);
vocabulary_enum!(
    /// Form of rain.
    RainForm { Rain, Showers, Drizzle, StormRain }
);
vocabulary_enum!(
    /// Rain intensity, in increasing order.
    Intensity { Light, Moderate, Heavy, VeryHeavy }
);
vocabulary_enum!(
    /// Hazards that come with thunderstorms, rain, cold and storms.
    HazardKind { Tornado, Lightning, Hail, StrongGusts, FlashFlood, Landslide, Inundation, Frost, Ice, StormSurge, Squall }
);
vocabulary_enum!(
    /// Statistic of a humidity range.
    Stat { Mean }
);
vocabulary_enum!(
    /// Which bound of the day a temperature is.
    Bound { Low, High, Mean }
);
vocabulary_enum!(
    /// Heat, in increasing order.
    HeatSeverity { Hot, Severe, Extreme }
);
vocabulary_enum!(
    /// Cold, in increasing order.
    ColdSeverity { Cool, Cold, Severe, Damaging }
);
vocabulary_enum!(
    /// Fog density, in increasing order.
    FogDensity { Mist, Fog, Dense }
);
vocabulary_enum!(
    /// State of the sea, in increasing order.
    SeaState { Rough, VeryRough, High, Phenomenal }
);
vocabulary_enum!(
    /// Category of a tropical cyclone, in increasing order.
    CycloneCategory { TropicalDepression, Storm, SuperTyphoon }
);
vocabulary_enum!(
    /// How much of the area a fact covers.
    Coverage { Widespread, ManyPlaces, Scattered, FewPlaces, SomePlaces, Local }
);
vocabulary_enum!(
    /// A fact stated as possible rather than expected.
    Likelihood { Possible }
);
vocabulary_enum!(
    /// The condition under which a fact holds.
    Condition { InThunderstorms, InRain, InFog }
);

/// The 16-point compass; serialised as the upper-case codes of the contract.
#[allow(clippy::upper_case_acronyms)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, EnumString, IntoStaticStr,
)]
pub enum Compass {
    N,
    NNE,
    NE,
    ENE,
    E,
    ESE,
    SE,
    SSE,
    S,
    SSW,
    SW,
    WSW,
    W,
    WNW,
    NW,
    NNW,
}

impl Compass {
    /// The point halfway between two adjacent points ("west, northwest" → WNW), if there is one.
    pub fn between(a: Compass, b: Compass) -> Option<Compass> {
        let (ia, ib) = (a as i32, b as i32);
        let d = (ib - ia).rem_euclid(16);
        match d {
            2 => Some(Self::from_index((ia + 1).rem_euclid(16))),
            14 => Some(Self::from_index((ia - 1).rem_euclid(16))),
            _ => None,
        }
    }

    fn from_index(i: i32) -> Compass {
        use Compass::*;
        const ALL: [Compass; 16] = [N, NNE, NE, ENE, E, ESE, SE, SSE, S, SSW, SW, WSW, W, WNW, NW, NNW];
        ALL.get(i.rem_euclid(16) as usize).copied().unwrap_or(N)
    }
}

/// Whole numbers print without a fractional part (`35`, not `35.0`), as the contract shows.
fn ser_num<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 { s.serialize_i64(*v as i64) } else { s.serialize_f64(*v) }
}

fn ser_opt_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => ser_num(x, s),
        None => s.serialize_none(),
    }
}
