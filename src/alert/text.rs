//! Every string a person reads in an alert, in Vietnamese and English. Nothing user-facing is
//! written anywhere else in the alert engine.

use crate::bulletin::Language;

use super::lifecycle::Change;
use super::ruleset::Severity;

/// The fixed words of messages in one language.
#[derive(Debug)]
pub struct Texts {
    pub heading: &'static str,
    pub heading_all_clear: &'static str,
    pub continued: &'static str,
    pub issued: &'static str,
    pub threshold: &'static str,
    pub bulletin_says: &'static str,
    pub possible: &'static str,
    pub observed: &'static str,
    pub place: &'static str,
    pub new: &'static str,
    pub escalation: &'static str,
    pub reminder: &'static str,
    pub all_clear: &'static str,
    pub info: &'static str,
    pub warning: &'static str,
    pub danger: &'static str,
}

pub static VI: Texts = Texts {
    heading: "CẢNH BÁO THỜI TIẾT",
    heading_all_clear: "THÔI CẢNH BÁO",
    continued: "(tiếp)",
    issued: "Bản tin lúc",
    threshold: "Ngưỡng",
    bulletin_says: "bản tin",
    possible: "có khả năng",
    observed: "đã xảy ra",
    place: "tại",
    new: "mới",
    escalation: "mạnh hơn",
    reminder: "nhắc lại",
    all_clear: "đã hết",
    info: "Lưu ý",
    warning: "Cảnh báo",
    danger: "Nguy hiểm",
};

pub static EN: Texts = Texts {
    heading: "WEATHER ALERT",
    heading_all_clear: "ALL CLEAR",
    continued: "(continued)",
    issued: "Bulletin of",
    threshold: "Threshold",
    bulletin_says: "bulletin",
    possible: "possible",
    observed: "observed",
    place: "in",
    new: "new",
    escalation: "stronger",
    reminder: "reminder",
    all_clear: "over",
    info: "Notice",
    warning: "Warning",
    danger: "Danger",
};

pub fn texts(lang: Language) -> &'static Texts {
    match lang {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

impl Texts {
    pub fn change(&self, c: Change) -> &'static str {
        match c {
            Change::New => self.new,
            Change::Escalation => self.escalation,
            Change::Reminder => self.reminder,
            Change::AllClear => self.all_clear,
        }
    }

    pub fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Info => self.info,
            Severity::Warning => self.warning,
            Severity::Danger => self.danger,
        }
    }
}

/// The mark in front of an alert of each severity.
pub fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Info => "🟡",
        Severity::Warning => "🟠",
        Severity::Danger => "🔴",
    }
}

pub const ALL_CLEAR_ICON: &str = "✅";

/// What a rule field is called, with its unit: `(vi, en)`.
pub fn field_label(path: &str) -> Option<(&'static str, &'static str)> {
    Some(match path {
        "wind.level" => ("gió cấp", "wind, Beaufort"),
        "wind.gust" => ("gió giật cấp", "gusts, Beaufort"),
        "wind.at_times" => ("gió có lúc cấp", "wind at times, Beaufort"),
        "wind.later" => ("gió sau tăng lên cấp", "wind later, Beaufort"),
        "wind.speed_kmh" => ("tốc độ gió (km/h)", "wind speed (km/h)"),
        "wind.speed_ms" => ("tốc độ gió (m/s)", "wind speed (m/s)"),
        "hazard.level" => ("gió giật mạnh cấp", "strong gusts, Beaufort"),
        "cyclone.level" => ("sức gió mạnh nhất gần tâm bão, cấp", "strongest wind near the centre, Beaufort"),
        "cyclone.gust" => ("gió giật gần tâm bão, cấp", "gusts near the centre, Beaufort"),
        "cyclone.category" => ("xoáy thuận", "cyclone"),
        "rain.intensity" => ("mưa", "rain"),
        "rainfall.mm" => ("lượng mưa (mm)", "rainfall (mm)"),
        "humidity.percent" | "humidity.max" | "humidity.min" => ("độ ẩm (%)", "humidity (%)"),
        "temperature.high" => ("nhiệt độ cao nhất (°C)", "highest temperature (°C)"),
        "temperature.low" => ("nhiệt độ thấp nhất (°C)", "lowest temperature (°C)"),
        "temperature.mean" => ("nhiệt độ trung bình (°C)", "mean temperature (°C)"),
        "temperature.celsius" => ("nhiệt độ (°C)", "temperature (°C)"),
        "heat.severity" => ("mức nắng nóng", "heat"),
        "cold.severity" => ("mức rét", "cold"),
        "fog.density" => ("sương mù", "fog"),
        "visibility.km" => ("tầm nhìn xa (km)", "visibility (km)"),
        "waves.m" => ("sóng cao (m)", "waves (m)"),
        "sea_state.state" => ("biển", "sea state"),
        "risk.level" => ("cấp độ rủi ro thiên tai", "disaster risk level"),
        _ => return None,
    })
}

/// A vocabulary word of the contract as people say it, for the field it is a value of:
/// `(vi, en)` ("severe" is "gay gắt" for heat and "rét đậm" for cold).
pub fn value_label(field: &str, word: &str) -> Option<(&'static str, &'static str)> {
    Some(match (field, word) {
        ("heat.severity", "hot") => ("nắng nóng", "hot"),
        ("heat.severity", "severe") => ("gay gắt", "severe"),
        ("heat.severity", "extreme") => ("đặc biệt gay gắt", "extreme"),
        ("cold.severity", "cool") => ("se lạnh", "cool"),
        ("cold.severity", "cold") => ("rét", "cold"),
        ("cold.severity", "severe") => ("rét đậm", "severe cold"),
        ("cold.severity", "damaging") => ("rét hại", "damaging cold"),
        ("sea_state.state", "rough") => ("động", "rough"),
        ("sea_state.state", "very_rough") => ("động mạnh", "very rough"),
        ("sea_state.state", "high") => ("động rất mạnh", "high"),
        ("sea_state.state", "phenomenal") => ("động dữ dội", "phenomenal"),
        (_, "light") => ("nhỏ", "light"),
        (_, "moderate") => ("vừa", "moderate"),
        (_, "heavy") => ("to", "heavy"),
        (_, "very_heavy") => ("rất to", "very heavy"),
        (_, "mist") => ("mù", "mist"),
        (_, "fog") => ("sương mù", "fog"),
        (_, "dense") => ("sương mù dày", "dense fog"),
        (_, "tropical_depression") => ("áp thấp nhiệt đới", "tropical depression"),
        (_, "storm") => ("bão", "storm"),
        (_, "super_typhoon") => ("siêu bão", "super typhoon"),
        (_, "tornado") => ("lốc", "tornado"),
        (_, "lightning") => ("sét", "lightning"),
        (_, "hail") => ("mưa đá", "hail"),
        (_, "strong_gusts") => ("gió giật mạnh", "strong gusts"),
        (_, "squall") => ("tố", "squall"),
        (_, "flash_flood") => ("lũ quét", "flash flood"),
        (_, "landslide") => ("sạt lở đất", "landslide"),
        (_, "inundation") => ("ngập úng", "inundation"),
        (_, "frost") => ("sương muối", "frost"),
        (_, "ice") => ("băng giá", "ice"),
        (_, "storm_surge") => ("nước dâng", "storm surge"),
        _ => return None,
    })
}

/// `field_label` or `value_label` in one language, or the name itself.
pub fn label<'a>(lang: Language, pair: Option<(&'static str, &'static str)>, raw: &'a str) -> &'a str {
    match (pair, lang) {
        (Some((vi, _)), Language::Vi) => vi,
        (Some((_, en)), Language::En) => en,
        (None, _) => raw,
    }
}

/// The labels of `canhbao check`'s report (for operators, in English).
pub mod check {
    pub const ISSUED: &str = "issued";
    pub const UNKNOWN: &str = "unknown";
    pub const FACTS: &str = "facts";
    pub const STATED_AREA: &str = "bulletin's area";
    pub const EVERYWHERE: &str = "every subscriber of the source";
    pub const NO_AREA: &str = "(no area)";
    pub const NOTHING_FIRED: &str = "no rule fired";
    pub const FIRED: &str = "FIRED";
    pub const VALUE: &str = "bulletin";
    pub const QUOTE: &str = "quote";
    pub const NEAR: &str = "near:";
    pub const MESSAGE: &str = "Telegram message";
    pub const COVERED_BY: &str = "told through";
}
