//! Fixtures in `seeds/` → JSON snapshots (insta), each validated against `canhbao schema`.

use std::fs;

use canhbao::bulletin::{
    Bound, ColdSeverity, Compass, Condition, Coverage, FactBody, HazardKind, HeatSeverity, Intensity,
    Likelihood, RainForm, Range, SkyCover, Wind,
};
use canhbao::{Document, LangChoice, ParseOptions, parse};

use crate::opts;

/// Options of a parse in `lang`.
fn in_lang(lang: LangChoice) -> ParseOptions {
    ParseOptions { lang, ..opts() }
}

/// Options of a parse in English.
fn en() -> ParseOptions {
    in_lang(LangChoice::En)
}

/// The `when` of each fact of `input`, read in `lang`.
fn whens(input: &str, lang: LangChoice) -> Vec<Option<String>> {
    parse(input, &in_lang(lang)).facts().map(|f| f.qualifiers.when.clone()).collect()
}

/// The `where` of each fact of `input`, read in `lang`.
fn wheres(input: &str, lang: LangChoice) -> Vec<Option<String>> {
    parse(input, &in_lang(lang)).facts().map(|f| f.qualifiers.where_.clone()).collect()
}

fn validator() -> jsonschema::Validator {
    let schema = Document::json_schema();
    match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => panic!("the generated schema is not a valid JSON Schema: {e}"),
    }
}

#[test]
fn seeds_snapshots() {
    let validator = validator();
    insta::glob!("../seeds", "*.txt", |path| {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = parse(&text, &opts());
        let json = serde_json::to_value(&doc).unwrap_or_default();
        let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: schema errors: {errors:?}", path.display());
        // Every span is the exact source text.
        for f in doc.facts() {
            assert_eq!(text.get(f.span.0..f.span.1), Some(f.text.as_str()), "{}", path.display());
        }
        insta::assert_json_snapshot!(doc);
    });
}

fn seed() -> (String, Document) {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_a300d7ddb554e7bf.txt"))
        .unwrap_or_default();
    let doc = parse(&text, &opts());
    (text, doc)
}

fn r(a: f64, b: f64) -> Option<Range> {
    Some(Range::new(Some(a), Some(b)))
}

#[test]
fn seed_comes_out_right() {
    let (_, doc) = seed();
    assert_eq!(doc.issued_at.as_deref(), Some("2018-04-20T15:56:00+07:00"));
    let facts: Vec<_> = doc.facts().collect();
    let has = |pred: &dyn Fn(&canhbao::bulletin::Fact) -> bool| facts.iter().any(|f| pred(f));

    assert!(has(&|f| f.body == FactBody::Sky { cover: SkyCover::Cloudy }));
    assert!(has(&|f| f.body
        == FactBody::Rain { form: RainForm::Rain, intensity: vec![Intensity::Moderate] }
        && f.qualifiers.where_.is_none()));
    assert!(has(&|f| f.body
        == FactBody::Rain { form: RainForm::Rain, intensity: vec![Intensity::Moderate, Intensity::Heavy] }
        && f.qualifiers.where_.as_deref() == Some("miền Tây")));
    assert!(has(&|f| f.body
        == FactBody::Rain { form: RainForm::Rain, intensity: vec![Intensity::VeryHeavy] }
        && f.qualifiers.coverage == Some(Coverage::SomePlaces)));
    assert!(has(
        &|f| f.body == FactBody::Thunderstorm {} && f.qualifiers.coverage == Some(Coverage::Scattered)
    ));
    assert!(has(&|f| f.body
        == FactBody::Wind(Box::new(Wind {
            from: vec![Compass::NE, Compass::N],
            level: r(3.0, 4.0),
            ..Wind::default()
        }))));
    for h in [HazardKind::Tornado, HazardKind::Lightning, HazardKind::StrongGusts] {
        assert!(has(&|f| f.body == FactBody::Hazard { hazard: h, level: None }
            && f.qualifiers.likelihood == Some(Likelihood::Possible)
            && f.qualifiers.condition == Some(Condition::InThunderstorms)));
    }
    assert!(has(
        &|f| matches!(&f.body, FactBody::Humidity { percent, .. } if Some(*percent) == r(60.0, 98.0))
    ));
    // Nothing else: the page's politics states no weather.
    assert_eq!(facts.len(), 10, "{facts:#?}");
}

#[test]
fn seed_page_text_is_unparsed() {
    let (text, doc) = seed();
    let unparsed: String = doc.unparsed.iter().map(|u| u.text.as_str()).collect::<Vec<_>>().join("\n");
    for phrase in ["Đưa Nghị quyết của Đảng vào cuộc sống", "Viết bình luận mới", "Hoàng Uyên"]
    {
        assert!(unparsed.contains(phrase), "{phrase:?} should be unparsed");
    }
    for u in &doc.unparsed {
        assert_eq!(text.get(u.span.0..u.span.1), Some(u.text.as_str()));
    }
    assert!(!unparsed.contains("Gió đông bắc"));
    assert!(doc.coverage > 0.0 && doc.coverage < 0.5, "coverage {}", doc.coverage);
}

#[test]
fn empty_and_blank_input() {
    for input in ["", "   \n\t  \n"] {
        let doc = parse(input, &opts());
        assert!(doc.sections.is_empty());
        assert!(doc.unparsed.is_empty());
        assert_eq!(doc.coverage, 0.0);
    }
}

#[test]
fn text_without_weather_is_all_unparsed() {
    let input = "Ông Nguyễn Văn A được bổ nhiệm làm giám đốc sở.";
    let doc = parse(input, &opts());
    assert_eq!(doc.facts().count(), 0);
    assert_eq!(doc.unparsed.len(), 1);
    assert_eq!(doc.coverage, 0.0);
}

#[test]
fn schema_command_output_is_the_generated_schema() {
    let schema = Document::json_schema();
    assert_eq!(schema["title"], "Document");
    let required: Vec<&str> =
        schema["required"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
    for field in ["schema", "language", "sections", "unparsed", "coverage"] {
        assert!(required.contains(&field), "{field} missing from {required:?}");
    }
    // A document missing its sections is rejected.
    let v = validator();
    assert!(!v.is_valid(&serde_json::json!({"schema": "canhbao.bulletin/1", "language": "vi"})));
}

#[test]
fn strength_without_position_is_a_cyclone_fact_of_its_own() {
    let doc = parse("Bão số 3 giật cấp 12. Cơn bão số 5 mạnh cấp 10.", &opts());
    let cyclones: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((c.number, c.level, c.gust)),
            _ => None,
        })
        .collect();
    assert_eq!(cyclones, vec![(Some(3), None, r(12.0, 12.0)), (Some(5), r(10.0, 10.0), None)]);
}

#[test]
fn a_number_of_storms_is_no_reading() {
    // After "average" a bare number would be a mean temperature; before a storm word it
    // counts storms.
    for input in [
        "According to the multi-year average, there are about 3.8 storms in the East Sea.",
        "Theo số liệu trung bình nhiều năm, có khoảng 2 cơn bão hoạt động trên Biển Đông.",
    ] {
        let doc = parse(input, &opts());
        let kinds: Vec<_> = doc.facts().map(|f| format!("{:?}", f.body)).collect();
        assert!(kinds.is_empty(), "{input}: {kinds:?}");
    }
    // A temperature after "average" is still one.
    let doc = parse("Nhiệt độ trung bình 27 độ.", &opts());
    assert_eq!(doc.facts().count(), 1);
}

#[test]
fn humidity_named_as_a_cause_is_no_fact() {
    let doc = parse("Độ ẩm không khí trên 80% khiến hơi nước ngưng tụ trên mặt tường.", &opts());
    assert_eq!(doc.facts().count(), 0);
    // Forecast as such, it is one.
    let doc = parse("Độ ẩm không khí trên 80%.", &opts());
    assert_eq!(doc.facts().count(), 1);
}

#[test]
fn a_word_that_only_joins_times_is_no_time() {
    let when = whens;
    use LangChoice::{En, Vi};
    // "to", "đến" alone were read as the time of the fact.
    assert_eq!(when("The city is forecast to have showers.", En), vec![None]);
    assert_eq!(when("Các tỉnh Thanh Hóa đến Hà Tĩnh có mưa rào.", Vi), vec![None]);
    // Joining real times they still belong to them.
    assert_eq!(when("Từ chiều đến tối có mưa rào.", Vi), vec![Some("Từ chiều đến tối".to_owned())]);
    assert_eq!(
        when("From tonight to tomorrow, showers.", En),
        vec![Some("From tonight to tomorrow".to_owned())]
    );
}

#[test]
fn the_capital_is_a_place() {
    let doc = parse("The capital city is forecast to have showers tonight.", &en());
    let q: Vec<_> = doc.facts().map(|f| (f.qualifiers.where_.clone(), f.qualifiers.when.clone())).collect();
    assert_eq!(q, vec![(Some("The capital city".to_owned()), Some("tonight".to_owned()))]);
}

#[test]
fn a_time_after_the_facts_is_their_time() {
    let when = |input: &str| whens(input, LangChoice::Auto);
    assert_eq!(
        when("Khu vực Hà Nội có mưa rào và dông vào chiều tối."),
        vec![Some("chiều tối".to_owned()); 2]
    );
    // After a comma, a clause of its own times the facts before it.
    assert_eq!(
        when("Có mưa rào và dông rải rác, trong chiều tối và đêm nay."),
        vec![Some("trong chiều tối và đêm nay".to_owned()); 2]
    );
    // A time of its own stays with its facts; a clock before a day number is a clock.
    assert_eq!(
        when("Đêm nay có mưa rào, sáng mai có sương mù."),
        vec![Some("Đêm nay".to_owned()), Some("sáng mai".to_owned())]
    );
    assert_eq!(when("Đến 1 giờ ngày 9/12 có mưa to."), vec![Some("Đến 1 giờ ngày 9/12".to_owned())]);
}

#[test]
fn a_preposition_or_a_bare_place_word_is_no_place() {
    let places = wheres;
    use LangChoice::{En, Vi};
    // "in" and "the area" were the place of these facts.
    assert_eq!(
        places("It is forecast that in the next 24 hours, the storm moves northwest.", En),
        vec![None]
    );
    assert_eq!(places("The area of strong wind has winds of level 6.", En), vec![None]);
    assert_eq!(places("Trên các tỉnh có mưa to.", Vi), vec![None]);
    // A preposition still starts a place after it, and a named area is a place.
    assert_eq!(places("Landslides in low-lying areas.", En), vec![Some("in low-lying areas".to_owned())]);
    assert_eq!(
        places("Mưa lớn có thể gây ngập úng tại các vùng trũng thấp.", Vi),
        vec![Some("tại các vùng trũng thấp".to_owned())]
    );
}

#[test]
fn a_storm_numbered_with_no_is_one_sentence() {
    let doc = parse(
        "At 7:00 a.m., the center of storm No. 8 was at about 18.5 degrees north latitude; 118.7 degrees east longitude.",
        &opts(),
    );
    let cyclones: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((c.number, c.name.clone(), c.lat, c.lon)),
            _ => None,
        })
        .collect();
    assert_eq!(cyclones, vec![(Some(8), None, Some(18.5), Some(118.7))]);
}

/// The cyclone facts of an English text: `(lat, lon, toward, moving km/h, speed km/h, at)`.
#[allow(clippy::type_complexity)]
fn cyclones_en(
    input: &str,
) -> Vec<(Option<f64>, Option<f64>, Vec<Compass>, Option<Range>, Option<Range>, Option<String>)> {
    let doc = parse(input, &en());
    doc.facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((
                c.lat,
                c.lon,
                c.moving.as_ref().map(|m| m.toward.clone()).unwrap_or_default(),
                c.moving.as_ref().and_then(|m| m.kmh),
                c.speed_kmh,
                c.at.clone(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn english_storm_movements_and_speeds() {
    use Compass::{NW, WNW};
    // "-ward" directions, "kilometers an hour", a range in km closed by "per hour".
    assert_eq!(
        cyclones_en("The storm will move the West northwestward at a speed of 20 kilometers an hour."),
        vec![(None, None, vec![WNW], r(20.0, 20.0), None, None)]
    );
    assert_eq!(
        cyclones_en(
            "The typhoon is expected to track northwestward at a speed of between 10km and 15km per hour."
        ),
        vec![(None, None, vec![NW], r(10.0, 15.0), None, None)]
    );
    // A level-less wind speed in a sentence about the storm is the storm's; the hour before
    // the day is part of the time.
    assert_eq!(
        cyclones_en(
            "At 7am on November 10, the typhoon will be located at 13.3 degrees north latitude and \
             110.8 degrees east longitude. The strongest winds were estimated at between 75km and \
             100km per hour close to the centre of the typhoon."
        ),
        vec![(Some(13.3), Some(110.8), vec![], None, r(75.0, 100.0), Some("7am on November 10".to_owned()))]
    );
    // A decimal comma set apart in a position.
    assert_eq!(
        cyclones_en(
            "A super typhoon was centered at 20, 2 degrees north latitude and 124, 0 degrees east longitude at 1pm."
        ),
        vec![(Some(20.2), Some(124.0), vec![], None, None, None)]
    );
}

#[test]
fn coordinates_and_years_in_degrees_are_no_temperature() {
    for input in [
        "The area of high wind danger is north of latitude 18.0 degrees north; east of longitude 109-119 degrees east.",
        "The highest temperature since 1990 degrees was recorded.",
    ] {
        let doc = parse(input, &en());
        let temps = doc.facts().filter(|f| matches!(f.body, FactBody::Temperature { .. })).count();
        assert_eq!(temps, 0, "{input}");
    }
    // A temperature closed by a region word, not a compass point, is one.
    let doc = parse("Nhiệt độ thấp nhất 18-20 độ bắc bộ.", &opts());
    assert_eq!(doc.facts().count(), 1);
}

#[test]
fn a_sentence_adding_to_an_earlier_fact_is_understood() {
    let input = "Hồi 4 giờ ngày 23/6, vị trí tâm bão ở vào khoảng 19,5 độ Vĩ Bắc; 109,7 độ Kinh Đông. \
                 Sức gió mạnh nhất ở vùng gần tâm bão mạnh cấp 8 (tức là khoảng từ 60 đến 75km một giờ), giật cấp 9-10.";
    let doc = parse(input, &opts());
    let cyclones: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((c.level, c.gust, c.speed_kmh)),
            _ => None,
        })
        .collect();
    assert_eq!(cyclones, vec![(r(8.0, 8.0), r(9.0, 10.0), r(60.0, 75.0))]);
    // The strength sentence made no fact of its own, but it is not unparsed.
    let unparsed: Vec<_> = doc.unparsed.iter().map(|u| u.text.as_str()).collect();
    assert!(unparsed.iter().all(|u| !u.contains("Sức gió")), "{unparsed:?}");
}

#[test]
fn a_storm_placed_only_by_its_sea_is_a_cyclone_fact() {
    let cyclones = |input: &str| -> Vec<(String, Option<String>)> {
        parse(input, &opts())
            .facts()
            .filter_map(|f| match &f.body {
                FactBody::Cyclone(c) => Some((format!("{:?}", c.category), f.qualifiers.where_.clone())),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        cyclones(
            "Sáng sớm nay (8/8), vùng áp thấp trên khu vực bắc Biển Đông đã mạnh lên thành áp thấp nhiệt đới."
        ),
        vec![("TropicalDepression".to_owned(), Some("trên khu vực bắc Biển Đông".to_owned()))]
    );
    // Not a storm on the coast, storms counted, or storms in general.
    for input in [
        "Vùng đất liền ven biển trong bão cực kỳ nguy hiểm.",
        "Từ đầu năm đến nay đã có 3 cơn bão trên Biển Đông.",
        "There is little chance of storms or tropical depressions appearing in the East Sea.",
    ] {
        assert_eq!(cyclones(input), vec![], "{input}");
    }
}

#[test]
fn a_rain_that_only_trends_states_no_rain() {
    let rains = |input: &str| -> usize {
        parse(input, &opts()).facts().filter(|f| matches!(f.body, FactBody::Rain { .. })).count()
    };
    for input in [
        "Từ ngày 20, mưa giảm dần.",
        "Từ ngày 06/11, mưa lớn ở Trung Trung Bộ có xu hướng giảm dần.",
        "Miền Trung có mưa nhiều trở lại, vùng mưa sẽ mở rộng hơn so với cuối tuần qua.",
        "Meteorologists predict the rains will gradually subside across Central Vietnam.",
    ] {
        // The last-but-one keeps its first rain ("có mưa nhiều trở lại").
        let expected = usize::from(input.starts_with("Miền Trung"));
        assert_eq!(rains(input), expected, "{input}");
    }
    // A trend in a clause of its own leaves the rain before it.
    assert_eq!(rains("Bắc Bộ có mưa vừa, mưa to, sau giảm dần."), 1);
}

#[test]
fn a_day_and_month_with_a_dash_after_a_time_word_is_a_date() {
    let when = |input: &str| whens(input, LangChoice::Auto);
    assert_eq!(when("Từ ngày 19-5, có mưa rào."), vec![Some("Từ ngày 19-5".to_owned())]);
    assert_eq!(when("Đến 1 giờ ngày 9-12 có mưa to."), vec![Some("Đến 1 giờ ngày 9-12".to_owned())]);
    // A range of values after "ban ngày" is no date.
    let doc = parse("Nhiệt độ ban ngày 10-12 độ.", &opts());
    assert_eq!(doc.facts().count(), 1);
}

#[test]
fn a_title_line_naming_a_region_is_a_section_heading() {
    let input = "Dự báo thời tiết các vùng trên cả nước:\nPhía Tây Bắc Bộ\nCó mây, ngày nắng. Gió nhẹ.\n\n\
                 Thanh Hóa - Thừa Thiên Huế\nCó mưa rào và dông vài nơi.\n\nVùng Giữa Biển Đông\nGió đông bắc cấp 4.\n";
    let doc = parse(input, &opts());
    let areas: Vec<_> =
        doc.sections.iter().filter_map(|s| s.area.as_ref().map(|a| a.name.as_str())).collect();
    assert_eq!(areas, vec!["Phía Tây Bắc Bộ", "Thanh Hóa - Thừa Thiên Huế", "Vùng Giữa Biển Đông"]);
    // A title-case line that says something of the weather is no heading, nor is a sentence.
    let doc = parse("Miền Bắc Trở Rét\nTrời rét.\n\nPhía Tây Bắc Bộ có mưa.\n", &opts());
    assert!(doc.sections.iter().all(|s| s.area.is_none()));
}

#[test]
fn a_bound_after_a_comma_starts_a_temperature() {
    let doc =
        parse("Humidity will range from 50 to 89 percent, with highs reaching 34 degrees Celsius.", &en());
    let bounds: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Temperature { bound, celsius } => Some((*bound, *celsius)),
            _ => None,
        })
        .collect();
    assert_eq!(bounds, vec![(Some(canhbao::bulletin::Bound::High), Range::new(Some(34.0), Some(34.0)))]);
    // Right after its topic a bound is the topic's: the highest humidity is no temperature.
    let doc = parse("Độ ẩm thấp nhất 60%.", &opts());
    assert!(doc.facts().all(|f| matches!(f.body, FactBody::Humidity { .. })));
}

#[test]
fn a_strong_wind_rising_to_a_level_is_that_level() {
    // "gió mạnh" was a filler, and the level after it had no wind to go to.
    assert_eq!(
        winds("Chiều tối và đêm 5.3, Vịnh Bắc Bộ có gió mạnh dần lên cấp 6, có lúc cấp 7, giật cấp 8 - 9."),
        vec![(vec![], r(6.0, 6.0), r(8.0, 9.0))]
    );
    // An exception's wind without a direction blows from the direction it is an exception to.
    assert_eq!(
        winds("Gió đông bắc cấp 4, riêng phía Đông Nam gió mạnh dần lên cấp 5, giật cấp 7-8."),
        vec![(vec![Compass::NE], r(4.0, 4.0), None), (vec![Compass::NE], r(5.0, 5.0), r(7.0, 8.0))]
    );
}

#[test]
fn a_missing_full_stop_before_a_capitalised_topic_ends_the_sentence() {
    let doc = parse(
        "Thủy triều tại Cửa Hội: cao nhất 2,7m lúc 2h53, thấp nhất 0,5m lúc 18h19 Sóng cao 0,5 - 1,5m.",
        &opts(),
    );
    let waves: Vec<_> = doc
        .facts()
        .filter(|f| matches!(f.body, FactBody::Waves { .. }))
        .map(|f| (f.qualifiers.where_.clone(), f.qualifiers.when.clone()))
        .collect();
    // The tide's place and time are not the waves'.
    assert_eq!(waves, vec![(None, None)]);
}

#[test]
fn a_time_ending_a_clause_overrides_the_time_of_an_earlier_clause() {
    let doc = parse("Cloudy, early morning with scattered fog, sunny in the afternoon.", &en());
    let sunny: Vec<_> = doc
        .facts()
        .filter(|f| matches!(f.body, FactBody::Sky { cover: SkyCover::Sunny }))
        .map(|f| f.qualifiers.when.clone())
        .collect();
    assert_eq!(sunny, vec![Some("in the afternoon".to_owned())]);
    // An ordinal day is part of its date; "high mountainous areas" is a place, not a bound.
    let doc = parse(
        "From the evening of January 20th, rain. Lowest temperature 10-13 degrees Celsius, high mountainous areas below 5 degrees Celsius.",
        &en(),
    );
    let facts: Vec<_> = doc.facts().map(|f| (format!("{:?}", f.body), f.qualifiers.when.clone())).collect();
    assert_eq!(facts.first().and_then(|f| f.1.clone()).as_deref(), Some("From the evening of January 20th"));
    assert!(facts.iter().skip(1).all(|f| f.0.contains("Low")), "{facts:?}");
}

#[test]
fn dropping_to_a_value_reaches_it() {
    let en = en();
    let temps: Vec<_> = parse("It could even drop to 14-15 degree C in mountain areas.", &en)
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Temperature { celsius, .. } => Some(*celsius),
            _ => None,
        })
        .collect();
    assert_eq!(temps, vec![Range::new(Some(14.0), Some(15.0))]);
    // Dropping by an amount is a change, not a temperature.
    assert_eq!(parse("Temperatures will drop by 3-5 degrees.", &en).facts().count(), 0);
}

#[test]
fn a_wind_shifting_to_a_direction_blows_from_it() {
    let en = en();
    let doc = parse(
        "On land, the wind will shift to Northeast direction with strong level 3. The Northern and North Central \
         regions from the night of February 6 to the early morning of February 9, are forecast to have rain.",
        &en,
    );
    let facts: Vec<_> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Wind(w) => format!("wind {:?} {:?}", w.from, w.level.and_then(|l| l.min)),
            _ => format!("{:?}", f.qualifiers.when),
        })
        .collect();
    assert_eq!(
        facts,
        vec![
            "wind [NE] Some(3.0)".to_owned(),
            // A long time run is read to its end.
            format!("{:?}", Some("from the night of February 6 to the early morning of February 9")),
        ]
    );
}

#[test]
fn a_storm_table_row_on_one_line_is_one_position_with_its_movement() {
    let input = "Thời điểm dự báo | Hướng, tốc độ | Vị trí | Cường độ\n\
                 10h/19/10 | Tây, 15km/h, đi vào đất liền và suy yếu thành áp thấp nhiệt đới | 17,0N-106,3E | Cấp 7, giật cấp 9\n\
                 10h/20/10 | Tây Tây Nam, 10-15km/h | 16,8N-103,9E | Cấp 6\n";
    let doc = parse(input, &opts());
    let times: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => c.at.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(times, vec!["10h/19/10".to_owned(), "10h/20/10".to_owned()]);
    let rows: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((
                format!("{:?}", c.category),
                c.lat,
                c.moving.as_ref().map(|m| (m.toward.clone(), m.kmh)),
                c.level,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "TropicalDepression".to_owned(),
                Some(17.0),
                Some((vec![Compass::W], r(15.0, 15.0))),
                r(7.0, 7.0)
            ),
            (
                "TropicalDepression".to_owned(),
                Some(16.8),
                Some((vec![Compass::WSW], r(10.0, 15.0))),
                r(6.0, 6.0)
            ),
        ]
    );
}

#[test]
fn the_vessels_at_risk_warning_states_no_facts() {
    for input in [
        "Tàu thuyền trong vùng nguy hiểm có nguy cơ cao gặp dông, lốc xoáy, gió mạnh và sóng lớn.",
        "Toàn bộ tàu thuyền hoạt động trên các khu vực trên đều có nguy cơ cao chịu tác động của lốc xoáy, gió mạnh và sóng lớn.",
    ] {
        let kinds: Vec<_> = parse(input, &opts()).facts().map(|f| format!("{:?}", f.body)).collect();
        assert!(kinds.is_empty(), "{input}: {kinds:?}");
    }
}

#[test]
fn a_wind_speed_given_as_an_equivalent_of_the_level_is_no_new_wind() {
    // "(tương đương tốc độ gió từ 62 - 74 km/giờ)": the word "gió" inside the aside started a
    // wind of its own, and the gust after the aside went to it instead of the storm.
    let doc = parse(
        "Vị trí tâm áp thấp nhiệt đới ở 17 độ vĩ bắc và 111,5 độ kinh đông. Cường độ gió đạt cấp 8 \
         (tương đương tốc độ gió từ 62 - 74 km/giờ), giật cấp 10.",
        &opts(),
    );
    let kinds: Vec<_> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Cyclone(c) => ("cyclone", c.level, c.gust),
            _ => ("other", None, None),
        })
        .collect();
    assert_eq!(kinds, vec![("cyclone", r(8.0, 8.0), r(10.0, 10.0))]);
}

/// The kinds of the facts of `input` (Vietnamese).
fn kinds(input: &str) -> Vec<&'static str> {
    parse(input, &opts()).facts().map(|f| f.kind()).collect()
}

#[test]
fn rain_with_its_coverage_after_it_is_rain() {
    // "có mưa rải rác" was one coverage phrase, and no rain was left.
    let doc = parse("Đêm có mưa rải rác.", &opts());
    let rains: Vec<_> = doc
        .facts()
        .filter(|f| matches!(f.body, FactBody::Rain { .. }))
        .map(|f| f.qualifiers.coverage)
        .collect();
    assert_eq!(rains, vec![Some(Coverage::Scattered)]);
}

#[test]
fn a_place_name_is_not_cut_at_a_vocabulary_word() {
    // "phòng" (from "đề phòng") read as a likelihood cut "Hải Phòng" in two and made the rain
    // possible.
    let doc = parse("Khu vực ven biển từ Hải Phòng đến Nghệ An có mưa to.", &opts());
    let f = doc.facts().next().map(|f| (f.qualifiers.where_.clone(), f.qualifiers.likelihood));
    assert_eq!(f, Some((Some("Khu vực ven biển từ Hải Phòng đến Nghệ An".to_owned()), None)));
}

#[test]
fn synoptic_systems_and_danger_zone_criteria_state_no_facts() {
    assert_eq!(kinds("Áp cao lạnh lục địa có cường độ ổn định."), Vec::<&str>::new());
    assert_eq!(
        kinds(
            "Vùng nguy hiểm trong 24 giờ tới (gió mạnh từ cấp 6 trở lên, giật từ cấp 8 trở lên): phía Bắc Biển Đông."
        ),
        Vec::<&str>::new()
    );
    let en = parse(
        "The area of high wind danger from level 6 or higher is north of latitude 18.0 degrees north.",
        &en(),
    );
    assert_eq!(en.facts().count(), 0);
}

#[test]
fn a_cause_after_its_subject_ends_before_the_verb() {
    // "chịu ảnh hưởng của bão" ran to the end of the sentence (over ";") and took the facts
    // after it.
    assert_eq!(
        kinds(
            "Khu vực chịu ảnh hưởng của bão là phía Đông của khu vực Bắc Biển Đông; độ rủi ro thiên tai cấp 3."
        ),
        vec!["risk"]
    );
    let doc = parse("Vùng biển ven bờ chịu ảnh hưởng của bão có gió mạnh cấp 8, giật cấp 10.", &opts());
    let winds: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some((w.level, w.gust)),
            _ => None,
        })
        .collect();
    assert_eq!(winds, vec![(r(8.0, 8.0), r(10.0, 10.0))]);
    // A cause opening its clause still runs to the comma, over the verbs of its noun phrase.
    assert_eq!(
        kinds("Do ảnh hưởng của rãnh áp thấp có trục ở khoảng 25-28 độ vĩ Bắc, nắng nóng sẽ xảy ra."),
        vec!["heat"]
    );
}

#[test]
fn spans_of_hours_are_times_not_values() {
    let all = |input: &str| -> Vec<(&'static str, Option<String>)> {
        parse(input, &opts()).facts().map(|f| (f.kind(), f.qualifiers.when.clone())).collect()
    };
    // "từ 72" was a value and "120" a day of the month.
    assert_eq!(
        all("Từ 72 đến 120 giờ tiếp theo, bão di chuyển theo hướng Bắc."),
        vec![("cyclone", Some("Từ 72 đến 120 giờ tiếp theo".to_owned()))]
    );
    // Hours of the clock; "14" was a temperature.
    assert_eq!(
        all("Nhiệt độ tăng lên mức 30-31 độ vào 14 đến 16 giờ."),
        vec![("temperature", Some("14 đến 16 giờ".to_owned()))]
    );
    assert_eq!(
        all("Thời gian nắng nóng trong ngày là 11-16 giờ."),
        vec![("heat", Some("trong ngày là 11-16 giờ".to_owned()))]
    );
    // A number with a unit after a time word is a value, not a day: "cả ngày khoảng 82%".
    let doc = parse("Độ ẩm trung bình cả ngày khoảng 82%.", &opts());
    assert!(
        matches!(doc.facts().next().map(|f| &f.body), Some(FactBody::Humidity { percent, .. }) if percent.min == Some(82.0))
    );
}

/// The kinds of the facts of `input`, read in English.
fn kinds_en(input: &str) -> Vec<&'static str> {
    parse(input, &en()).facts().map(|f| f.kind()).collect()
}

#[test]
fn english_light_winds_and_strong_cold_and_heat() {
    // "light" was a rain intensity, and the wind after it had nothing to say.
    let doc = parse("Cloudy, light rain, light wind. Light winds.", &en());
    let light: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some(w.light),
            _ => None,
        })
        .collect();
    assert_eq!(light, vec![Some(true), Some(true)]);
    let bodies: Vec<FactBody> = parse("Very cold, some places extremely cold. Extremely hot.", &en())
        .facts()
        .map(|f| f.body.clone())
        .collect();
    assert_eq!(
        bodies,
        vec![
            FactBody::Cold { severity: ColdSeverity::Severe },
            FactBody::Cold { severity: ColdSeverity::Damaging },
            FactBody::Heat { severity: HeatSeverity::Extreme },
        ]
    );
}

#[test]
fn english_values_reached_exceeded_and_changed() {
    let temps = |input: &str| -> Vec<Range> {
        parse(input, &en())
            .facts()
            .filter_map(|f| match &f.body {
                FactBody::Temperature { celsius, .. } => Some(*celsius),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        temps("Temperatures are expected to fall below 35 degrees."),
        vec![Range::new(None, Some(35.0))]
    );
    assert_eq!(temps("Temperatures may exceed 40 degrees."), vec![Range::new(Some(40.0), None)]);
    assert_eq!(temps("Temperatures would top 35 degrees."), vec![Range::new(Some(35.0), None)]);
    assert_eq!(temps("By Tuesday afternoon, temperatures rose by another 0.5-1 degrees."), vec![]);
}

#[test]
fn english_amounts_of_rain_are_rainfall_only() {
    // "rain totals", "mm of rain(fall)": the rain word names the amount, not a rain of its own.
    assert_eq!(kinds_en("Rain totals reached over 100 mm in several areas."), vec!["rainfall"]);
    assert_eq!(kinds_en("The provinces are expected to receive 70-150 mm of rainfall."), vec!["rainfall"]);
    assert_eq!(kinds_en("Some areas received between 15 and 30 mm of rain."), vec!["rainfall"]);
    // A rain word elsewhere is still rain.
    assert_eq!(kinds_en("Expect periods of rain."), vec!["rain"]);
}

#[test]
fn heat_or_cold_with_only_a_trend_after_it_states_no_fact() {
    assert_eq!(kinds("Từ ngày 24-4, nắng nóng ở Nam bộ giảm dần."), Vec::<&str>::new());
    assert_eq!(kinds("Rét giảm dần."), Vec::<&str>::new());
    assert_eq!(kinds("Nắng nóng gay gắt, sau giảm dần."), vec!["heat"]);
    assert_eq!(
        kinds_en("Heat waves in northern and central Vietnam should subside starting Wednesday."),
        Vec::<&str>::new()
    );
}

/// The movements of the cyclone facts of `input`: directions and speed.
fn movements(input: &str) -> Vec<(Vec<Compass>, Option<Range>)> {
    parse(input, &opts())
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => c.moving.as_ref().map(|m| (m.toward.clone(), m.kmh)),
            _ => None,
        })
        .collect()
}

#[test]
fn storm_movements_continue_and_change_speed() {
    // "sau đó là Đông Bắc" continues the movement: one fact, its directions in order.
    assert_eq!(
        movements("Bão di chuyển theo hướng Bắc, sau đó là Đông Bắc, mỗi giờ đi được 10-15km."),
        vec![(vec![Compass::N, Compass::NE], r(10.0, 15.0))]
    );
    // A speed that changes is the movement's speed, not a wind speed.
    assert_eq!(
        movements("Bão di chuyển theo hướng Bắc Tây Bắc, tốc độ giảm xuống khoảng 10-15km/h."),
        vec![(vec![Compass::NNW], r(10.0, 15.0))]
    );
}

#[test]
fn a_low_pressure_area_placed_is_no_cyclone() {
    // The default category was a storm: a low was reported as a storm.
    assert_eq!(
        kinds("Hồi 7 giờ, vị trí trung tâm vùng áp thấp ở vào khoảng 7,0 độ Vĩ Bắc; 113,0 độ Kinh Đông."),
        Vec::<&str>::new()
    );
    assert_eq!(
        kinds_en(
            "The trough connects to the low pressure area. At 7am, it was located at about 7.0 degrees north latitude."
        ),
        Vec::<&str>::new()
    );
    // Once it strengthens into a depression, its position is a cyclone fact again.
    assert_eq!(
        kinds(
            "Vùng áp thấp đã mạnh lên thành áp thấp nhiệt đới. Hồi 7 giờ, vị trí tâm áp thấp nhiệt đới ở vào \
             khoảng 7,0 độ Vĩ Bắc; 113,0 độ Kinh Đông."
        ),
        vec!["cyclone"]
    );
}

/// The risk levels of the facts of `input`.
fn risk_levels(input: &str, o: &ParseOptions) -> Vec<u8> {
    parse(input, o)
        .facts()
        .filter_map(|f| match f.body {
            FactBody::Risk { level, .. } => Some(level),
            _ => None,
        })
        .collect()
}

#[test]
fn risk_levels_for_two_areas_are_two_facts() {
    assert_eq!(
        risk_levels(
            "Cấp độ rủi ro thiên tai do gió mạnh trên biển cấp 4 đối với vùng biển phía Bắc; cấp 3 đối với vịnh Bắc Bộ.",
            &opts()
        ),
        vec![4, 3]
    );
    assert_eq!(
        risk_levels(
            "The natural disaster risk level is level 4 for the northern sea; level 3 for the Gulf of Tonkin.",
            &en()
        ),
        vec![4, 3]
    );
}

#[test]
fn large_waves_with_a_height_and_trends_of_two_subjects() {
    let doc = parse("Gió đông bắc cấp 6, giật cấp 8-9, sóng lớn từ 3-6m, biển động mạnh.", &opts());
    assert!(
        doc.facts()
            .any(|f| matches!(&f.body, FactBody::Waves { m } if m.min == Some(3.0) && m.max == Some(6.0)))
    );
    // "Mưa và gió giảm": the trend is said of both; no rain is forecast.
    assert_eq!(kinds("Mưa và gió giảm trong 72h tới."), Vec::<&str>::new());
}

#[test]
fn a_storm_going_into_a_named_sea_is_placed_there() {
    assert_eq!(kinds("Dự báo ngày 10/11 bão sẽ đi vào Biển Đông."), vec!["cyclone"]);
    // A title naming the sea, or a storm near it, places no storm.
    assert_eq!(kinds("Tin bão biển Đông (cơn bão số 3)"), Vec::<&str>::new());
    assert_eq!(kinds("Hiện nay một cơn bão đang hoạt động gần Biển Đông."), Vec::<&str>::new());
}

#[test]
fn english_amount_words_bounds_and_comparatives() {
    // "rainfall" names an amount wherever it stands, never a rain of its own.
    assert_eq!(kinds_en("Rainfall from 7pm to 8am was over 70mm."), vec!["rainfall"]);
    let doc = parse("Heavy rain with rainfall greater than 80mm within 3 hours.", &en());
    let mm: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Rainfall { mm, .. } => Some(*mm),
            _ => None,
        })
        .collect();
    assert_eq!(mm, vec![Range::new(Some(80.0), None)]);
    let bounds: Vec<_> = parse(
        "Average temperatures stood at around 16-18 degrees Celsius, the highest daytime temperatures 30-32 degrees.",
        &en(),
    )
    .facts()
    .filter_map(|f| match &f.body {
        FactBody::Temperature { bound, .. } => Some(*bound),
        _ => None,
    })
    .collect();
    assert_eq!(bounds, vec![Some(Bound::Mean), Some(Bound::High)]);
    // A drop by some degrees is a change.
    assert_eq!(
        kinds_en("It affected the north with mercury dropping 2-5 degrees Celsius."),
        Vec::<&str>::new()
    );
}

#[test]
fn english_words_that_name_no_weather() {
    for text in [
        "A cold spell will hit the northern region on Saturday.",
        "Medical experts warn of dehydration, exhaustion and heat stroke.",
        "Little chance of rain in the south.",
        "The extreme heat in the North is likely to recede from June 13.",
    ] {
        assert_eq!(kinds_en(text), Vec::<&str>::new(), "{text}");
    }
    assert_eq!(kinds_en("Be on guard against tornadoes, lightning, gusts of wind."), vec!["hazard"; 3]);
    let heat: Vec<_> =
        parse("The fierce heat occurred on a large scale.", &en()).facts().map(|f| f.body.clone()).collect();
    assert_eq!(heat, vec![FactBody::Heat { severity: HeatSeverity::Severe }]);
}

#[test]
fn vietnamese_storm_winds_showers_with_thunder_and_unlikely_phenomena() {
    // "gió bão" is a wind, not the storm.
    assert_eq!(kinds("Vùng biển có gió bão mạnh cấp 8-9, giật cấp 11."), vec!["wind"]);
    assert_eq!(kinds("Vịnh Thái Lan sẽ có mưa rào kèm dông mạnh."), vec!["rain", "thunderstorm"]);
    assert_eq!(
        kinds("Tại Nam Bộ, ngày nắng ráo, ít khả năng xuất hiện mưa dông hoặc nắng nóng."),
        vec!["sky"]
    );
    assert_eq!(kinds("Mưa sẽ tăng về cuối tuần."), Vec::<&str>::new());
    // A condition with "các đợt" between: the thunderstorm is no fact of its own.
    let doc = parse("Cảnh báo khả năng xảy ra lốc, sét, đặc biệt trong các đợt mưa dông.", &opts());
    assert!(doc.facts().all(|f| matches!(f.body, FactBody::Hazard { .. })));
    assert_eq!(kinds("Vùng núi cao có thể có băng tuyết."), vec!["hazard"]);
    assert_eq!(kinds("Cảnh báo nguy cơ sốc nhiệt, say nắng."), Vec::<&str>::new());
}

/// The wind facts of `input`: direction, level and gust.
fn winds(input: &str) -> Vec<(Vec<Compass>, Option<Range>, Option<Range>)> {
    parse(input, &opts())
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some((w.from.clone(), w.level, w.gust)),
            _ => None,
        })
        .collect()
}

#[test]
fn an_area_exception_to_a_wind_after_another_topic_or_sentence() {
    // The exception's levels came after the waves: they were dropped.
    assert_eq!(
        winds(
            "Vùng biển có gió mạnh cấp 8-9, sóng biển cao 2-4m, vùng gần tâm bão đi qua cấp 10-11, giật cấp 14."
        ),
        vec![(vec![], r(8.0, 9.0), None), (vec![], r(10.0, 11.0), r(14.0, 14.0))]
    );
    assert_eq!(
        winds("Gió đông bắc cấp 6, sóng cao 2-3m, riêng phía Bắc cấp 7."),
        vec![(vec![Compass::NE], r(6.0, 6.0), None), (vec![Compass::NE], r(7.0, 7.0), None)]
    );
    // In the next sentence, the exception keeps the direction it is an exception to.
    assert_eq!(
        winds("Gió đông bắc cấp 4-5. Riêng phía Đông cấp 6, giật cấp 8-9."),
        vec![(vec![Compass::NE], r(4.0, 5.0), None), (vec![Compass::NE], r(6.0, 6.0), r(8.0, 9.0))]
    );
}

#[test]
fn the_force_of_the_wind_of_a_named_system_is_its_strength() {
    let doc = parse(
        "Rạng sáng 7-12, áp thấp nhiệt đới ở phía Đông Philippines, sức gió cấp 6, giật cấp 8, di chuyển theo \
         hướng Tây Tây Bắc khoảng 10 km/giờ.",
        &opts(),
    );
    let cyclones: Vec<_> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Cyclone(c) => (c.level, c.gust, c.moving.as_ref().map(|m| (m.toward.clone(), m.kmh))),
            _ => (None, None, None),
        })
        .collect();
    assert_eq!(cyclones, vec![(r(6.0, 6.0), r(8.0, 8.0), Some((vec![Compass::WNW], r(10.0, 10.0))))]);
}

#[test]
fn an_intensity_joined_after_rain_may_be_another_phenomenon_s() {
    // "light rain and light fog": the rain took "and light", and the fog was no mist.
    let doc = parse("Cloudy, with light rain and light fog.", &en());
    let texts: Vec<_> = doc.facts().map(|f| (f.kind(), f.text.as_str())).collect();
    assert_eq!(texts, vec![("sky", "Cloudy"), ("rain", "light rain"), ("fog", "light fog")]);
    // Rain joined to rain still is one fact.
    assert_eq!(kinds_en("Heavy to very heavy rain in the south."), vec!["rain"]);
}

#[test]
fn headings_start_with_a_capital_and_end_at_a_colon_outside_parentheses() {
    let doc = parse(
        "KHU VỰC PHÍA TÂY (các huyện: Hiệp Hòa, Tân Yên): Nhiệt độ thấp\nnhất: 25 độ; Nhiệt độ cao nhất: 32 độ.",
        &opts(),
    );
    let areas: Vec<_> = doc.sections.iter().map(|s| s.area.as_ref().map(|a| a.name.as_str())).collect();
    assert_eq!(areas, vec![Some("KHU VỰC PHÍA TÂY (các huyện: Hiệp Hòa, Tân Yên)")]);
}

#[test]
fn the_likelihood_and_condition_of_a_hazard_list_end_with_it() {
    let doc = parse(
        "Trên vùng biển trong cơn dông cần đề phòng lốc, sét và gió giật mạnh, gió bão mạnh lên cấp 8 - 9, sóng biển \
         cao 4 - 6m.",
        &opts(),
    );
    let quals: Vec<_> =
        doc.facts().map(|f| (f.kind(), f.qualifiers.likelihood, f.qualifiers.condition)).collect();
    let hazard = (Some(Likelihood::Possible), Some(Condition::InThunderstorms));
    assert_eq!(
        quals,
        vec![
            ("hazard", hazard.0, hazard.1),
            ("hazard", hazard.0, hazard.1),
            ("hazard", hazard.0, hazard.1),
            ("wind", None, None),
            ("waves", None, None),
        ]
    );
}

#[test]
fn english_winds_said_with_the_storm_are_its_strength() {
    let doc = parse(
        "On October 26, the storm continued to move in a West-Northwest direction, 330 km east-northeast of Hoang Sa \
         archipelago, with strong winds of level 11, gusting to level 14.",
        &en(),
    );
    let found: Vec<_> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Cyclone(c) => ("cyclone", c.level, c.gust),
            _ => (f.kind(), None, None),
        })
        .collect();
    assert_eq!(found, vec![("cyclone", r(11.0, 11.0), r(14.0, 14.0))]);
    // A wind of its own is still a wind.
    assert_eq!(
        kinds_en("Northeast winds at level 4, with strong winds of level 6 at sea."),
        vec!["wind", "wind"]
    );
}

#[test]
fn thunderstorms_causing_hazards_are_their_condition() {
    let doc =
        parse("Thunderstorms are likely to cause tornadoes, lightning and strong gusts of wind.", &en());
    let found: Vec<_> = doc.facts().map(|f| (f.kind(), f.qualifiers.condition)).collect();
    assert_eq!(found, vec![("hazard", Some(Condition::InThunderstorms)); 3]);
}

#[test]
fn a_time_said_of_one_place_is_not_the_next_place_s() {
    let all = |input: &str| -> Vec<Option<String>> { whens(input, LangChoice::Vi) };
    assert_eq!(
        all("Phía Bắc có mây, trưa chiều trời nắng; phía Nam nhiều mây, có mưa rào."),
        vec![None, Some("trưa chiều".to_owned()), None, None]
    );
    // A time said before the first place's facts is the whole sentence's.
    let sea = "Trên biển, từ chiều tối 27/12 ở Vịnh Bắc Bộ gió đông bắc cấp 6; khu vực Bắc Biển Đông gió đông bắc cấp 7.";
    assert_eq!(all(sea), vec![Some("từ chiều tối 27/12".to_owned()); 2]);
}

#[test]
fn a_day_phrase_says_its_own_time() {
    // The contract: "ngày nắng" is sunny, `when: "ngày"`; it took the night of the clause before.
    assert_eq!(
        whens("Có mây, đêm có mưa rào vài nơi, ngày nắng.", LangChoice::Vi),
        vec![None, Some("đêm".to_owned()), Some("ngày".to_owned())]
    );
    // A date said before says more, and stays.
    assert_eq!(whens("Từ ngày 19/6, ngày nắng.", LangChoice::Vi), vec![Some("Từ ngày 19/6".to_owned())]);
}

#[test]
fn a_risk_column_and_a_duration_above_a_threshold() {
    // A storm table's risk cell: "Cấp 3: <areas> |".
    assert_eq!(risk_levels("Cấp 3: vùng biển phía Bắc khu vực Bắc Biển Đông |", &opts()), vec![3]);
    // How long the heat lasts above a threshold is no temperature forecast.
    assert_eq!(kinds("Thời gian có nhiệt độ trên 35 độ C từ 11 giờ đến 16 giờ."), Vec::<&str>::new());
    assert_eq!(
        kinds_en("The period with temperatures above 35C lasting from 10-18 hours."),
        Vec::<&str>::new()
    );
}

#[test]
fn daybreak_is_a_time() {
    // "rạng" was read as a name, and the time lost its first word.
    assert_eq!(
        whens("Rạng sáng 7-12, áp thấp nhiệt đới ở phía Đông Philippines, sức gió cấp 6.", LangChoice::Vi),
        vec![Some("Rạng sáng 7-12".to_owned())]
    );
}

#[test]
fn two_areas_joined_by_and_are_one_place() {
    let both = Some("Ở vùng núi và trung du Bắc Bộ".to_owned());
    assert_eq!(wheres("Ở vùng núi và trung du Bắc Bộ có mưa rào.", LangChoice::Vi), [both]);
    let lowlands = Some("ở vùng đồng bằng và trung du".to_owned());
    assert_eq!(wheres("Nắng nóng ở vùng đồng bằng và trung du.", LangChoice::Vi), [lowlands]);
    let en = Some("the Northern midlands and mountains".to_owned());
    assert_eq!(
        wheres("Meanwhile, the Northern midlands and mountains will see heavy rain.", LangChoice::En),
        [en]
    );
}

#[test]
fn a_region_written_with_a_small_letter_is_one_place() {
    let highlands = Some("Các tỉnh Tây nguyên".to_owned());
    assert_eq!(wheres("Các tỉnh Tây nguyên có mưa rào.", LangChoice::Vi), [highlands]);
    let south = Some("ở khu vực Nam bộ".to_owned());
    assert_eq!(wheres("Nắng nóng ở khu vực Nam bộ.", LangChoice::Vi), [south]);
    let centre = Some("ở khu vực phía Tây Bắc bộ, Bắc và Trung Trung bộ".to_owned());
    assert_eq!(
        wheres("Nắng nóng ở khu vực phía Tây Bắc bộ, Bắc và Trung Trung bộ.", LangChoice::Vi),
        [centre]
    );
}

#[test]
fn words_found_on_unseen_bulletins() {
    // Vietnamese: a cold that turns severe keeps its severity; rain stopping is no rain.
    let colds: Vec<_> = parse("Từ đêm nay miền Bắc chuyển rét đậm, vùng núi trở rét hại.", &opts())
        .facts()
        .filter_map(|f| match f.body {
            FactBody::Cold { severity } => Some(severity),
            _ => None,
        })
        .collect();
    assert_eq!(colds, [ColdSeverity::Severe, ColdSeverity::Damaging]);
    assert_eq!(kinds("Sáng có mưa nhỏ, sau đó trời tạnh ráo."), ["rain", "no_rain"]);
    assert_eq!(kinds("Đêm có mưa, sáng tạnh mưa."), ["rain", "no_rain"]);
    // Lightning location data and thunderclouds are no lightning and no thunderstorm.
    assert_eq!(kinds("Theo số liệu định vị sét, mây dông đang phát triển ở phía tây."), Vec::<&str>::new());
    // A strong gust with no level is the hazard.
    assert_eq!(kinds("Chiều tối có mưa rào và dông, có gió giật mạnh."), ["rain", "thunderstorm", "hazard"]);
    // The radius of strong winds around a storm states no wind.
    assert_eq!(
        kinds("Bán kính gió mạnh cấp 6, giật cấp 8 khoảng 150km tính từ tâm bão."),
        Vec::<&str>::new()
    );
    // Directions: "hướng" before a point of two words; a dash between two neighbours.
    assert_eq!(winds("Gió hướng Đông Bắc cấp 6."), [(vec![Compass::NE], r(6.0, 6.0), None)]);
    assert_eq!(
        movements("Bão số 3 di chuyển theo hướng tây - tây bắc với vận tốc 15km/h."),
        [(vec![Compass::WNW], r(15.0, 15.0))]
    );
    // English.
    assert_eq!(kinds_en("Flashfloods and flash-floods are possible in the mountains."), ["hazard", "hazard"]);
    assert_eq!(kinds_en("A cold front and two cold fronts are approaching."), Vec::<&str>::new());
    assert_eq!(kinds_en("In February the cold fronts will cause high waves."), Vec::<&str>::new());
    assert_eq!(kinds_en("The North will see strong gusty winds."), ["hazard"]);
    let heat: Vec<_> = parse("A severe hot wave, with hot sun at noon.", &en())
        .facts()
        .filter_map(|f| match f.body {
            FactBody::Heat { severity } => Some(severity),
            _ => None,
        })
        .collect();
    assert_eq!(heat, [HeatSeverity::Severe, HeatSeverity::Hot]);
    assert_eq!(kinds_en("A severe hot wave, with hot sun at noon."), ["heat", "heat"]);
    let bounds: Vec<_> = parse("Temperatures in Con Cuong peaked at 41 degrees Celsius.", &en())
        .facts()
        .filter_map(|f| match f.body {
            FactBody::Temperature { bound, .. } => Some(bound),
            _ => None,
        })
        .collect();
    assert_eq!(bounds, [Some(Bound::High)]);
}

/// What `pick` takes from each fact of `input`, read with `opts`, for the facts it takes
/// something from.
fn picked<T>(input: &str, opts: &ParseOptions, pick: impl Fn(&FactBody) -> Option<T>) -> Vec<T> {
    parse(input, opts).facts().filter_map(|f| pick(&f.body)).collect()
}

/// `pick` of every fact of `input`, `None` for the facts it does not pick (so that a test sees
/// the facts it did not expect too).
fn each_fact<T>(input: &str, opts: &ParseOptions, pick: impl Fn(&FactBody) -> Option<T>) -> Vec<Option<T>> {
    parse(input, opts).facts().map(|f| pick(&f.body)).collect()
}

/// The temperature of each temperature fact of `input`, read in Vietnamese.
/// The level and cause of each risk fact.
fn risks(input: &str, opts: &ParseOptions) -> Vec<(u8, Option<String>)> {
    picked(input, opts, |b| match b {
        FactBody::Risk { level, cause } => Some((*level, cause.clone())),
        _ => None,
    })
}

fn temps(input: &str) -> Vec<Option<Range>> {
    picked(input, &opts(), |b| match b {
        FactBody::Temperature { celsius, .. } => Some(Some(*celsius)),
        _ => None,
    })
}

#[test]
fn numbers_that_are_no_reading_of_their_topic() {
    // A bare number after unknown words is another reading ("chỉ số UV … (5)").
    assert_eq!(
        temps("Nhiệt độ cao nhất từ 31-33 độ C và chỉ số tia cực tím ở mức rất cao (9)."),
        [r(31.0, 33.0)]
    );
    // A bare number after places and coverage is one more temperature.
    assert_eq!(
        temps("Nhiệt độ thấp nhất 22-25 độ C, vùng núi có nơi 18-20."),
        [r(22.0, 25.0), r(18.0, 20.0)]
    );
    // A change followed by the value reached: only the value.
    assert_eq!(temps("Nhiệt độ tăng lên 1 độ vào buổi trưa, lên mức 28 độ."), [r(28.0, 28.0)]);
    assert_eq!(temps("Nhiệt độ tăng lên 32 độ."), [r(32.0, 32.0)]);
    // "xuống dưới 3 độ C" is below 3.
    assert_eq!(
        temps("Nhiệt độ thấp nhất vùng núi có thể xuống dưới 3 độ C."),
        [Some(Range::new(None, Some(3.0)))]
    );
    // A chance of rain is no humidity.
    assert_eq!(kinds("Độ ẩm từ 75%-90% và xác suất mưa vào buổi chiều khoảng 50-70%."), ["humidity", "rain"]);
    // Two numbers with a speed unit after a direction are the wind's speed, not its level.
    let doc = parse("Gió Đông Bắc 3 - 4m/s.", &opts());
    let speeds: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some((w.from.clone(), w.level, w.speed_ms)),
            _ => None,
        })
        .collect();
    assert_eq!(speeds, [(vec![Compass::NE], None, r(3.0, 4.0))]);
}

#[test]
fn english_phrases_found_on_unseen_bulletins() {
    // A thunderstorm, singular, is the condition of what it brings.
    let doc = parse("During a thunderstorm, there may be hail and strong gusts.", &en());
    let conditions: Vec<_> = doc.facts().map(|f| (f.kind(), f.qualifiers.condition)).collect();
    assert_eq!(
        conditions,
        [("hazard", Some(Condition::InThunderstorms)), ("hazard", Some(Condition::InThunderstorms))]
    );
    // "during the heat wave" is a time, not a second heat fact.
    assert_eq!(kinds_en("The lowest humidity during the heat wave was 40-60 percent."), ["humidity"]);
    // "rainy", "thundery"; "dry" before a wind is no "no rain".
    assert_eq!(kinds_en("Rainy and thundery in the afternoon."), ["rain", "thunderstorm"]);
    assert_eq!(kinds_en("Dry northeast monsoon winds will blow across the north."), Vec::<&str>::new());
    // An "unlikely" clause ends at "but".
    assert_eq!(
        kinds_en(
            "Storms are unlikely to reach the mainland, but the north will have light rain and thunderstorms."
        ),
        ["rain", "thunderstorm"]
    );
    // The storm's eye is a place: the levels there are the wind's, the metres waves.
    let doc = parse(
        "Storm No. 8 is moving west. The North East Sea has winds of level 6, the area near the storm's eye has levels 9 - 10, gusts of level 12, waves 3 - 5m high.",
        &en(),
    );
    let kinds: Vec<_> = doc.facts().map(|f| f.kind()).collect();
    assert_eq!(kinds, ["cyclone", "wind", "wind", "waves"]);
    // The storm's strength in other words: "wind force level near center of 17".
    let levels: Vec<_> = parse(
        "The super typhoon was centered at 20.2 degrees north latitude and 124.0 degrees east longitude, with its wind force level near center of 17.",
        &en(),
    )
    .facts()
    .filter_map(|f| match &f.body {
        FactBody::Cyclone(c) => Some(c.level),
        _ => None,
    })
    .collect();
    assert_eq!(levels, [r(17.0, 17.0)]);
}

#[test]
fn thunderstorms_that_end_are_no_forecast_of_them() {
    assert_eq!(
        kinds_en("Unseasonal thunderstorms are expected to decrease and end from March 8."),
        Vec::<&str>::new()
    );
    // Thunderstorms that spread are forecast where they spread to.
    assert_eq!(kinds("Từ chiều tối mưa dông mở rộng xuống khu vực Bắc Trung Bộ."), ["thunderstorm"]);
    assert_eq!(kinds("Đêm nay dông giảm dần."), Vec::<&str>::new());
}

#[test]
fn a_wind_that_only_strengthens_keeps_its_direction() {
    assert_eq!(
        winds("Gió bắc đến tây bắc cấp 5; từ ngày mai gió mạnh dần lên cấp 6-7, giật cấp 9."),
        [
            (vec![Compass::N, Compass::NW], r(5.0, 5.0), None),
            (vec![Compass::N, Compass::NW], r(6.0, 7.0), r(9.0, 9.0))
        ]
    );
    // In the next sentence too.
    assert_eq!(
        winds("Vịnh Bắc Bộ gió đông bắc cấp 6. Từ gần sáng mai, gió mạnh dần lên cấp 7, giật cấp 9."),
        [(vec![Compass::NE], r(6.0, 6.0), None), (vec![Compass::NE], r(7.0, 7.0), r(9.0, 9.0))]
    );
    // A wind that does not strengthen states no direction it was not given.
    assert_eq!(
        winds("Gió đông bắc cấp 3. Ven biển gió cấp 4."),
        [(vec![Compass::NE], r(3.0, 3.0), None), (vec![], r(4.0, 4.0), None)]
    );
}

#[test]
fn rain_strength_wind_strength_and_rain_as_a_cause() {
    let rains: Vec<_> = parse("Chiều tối có mưa rào với cường độ lớn.", &opts())
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Rain { intensity, .. } => Some(intensity.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(rains, [vec![Intensity::Heavy]]);
    // "nhẹ đến trung bình" is the wind's strength, not a mean; its speed follows.
    let doc = parse("Gió nhẹ đến trung bình, khoảng 10-20 km/giờ.", &opts());
    let speeds: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some(w.speed_kmh),
            _ => None,
        })
        .collect();
    assert_eq!(speeds, [r(10.0, 20.0)]);
    // A rain's coverage or likelihood may stand between it and what it causes; with a time of
    // its own the rain is forecast.
    assert_eq!(kinds("Mưa lớn cục bộ có khả năng gây ra lũ quét."), ["hazard"]);
    assert_eq!(kinds("Mưa lớn từ đêm nay đến ngày mai có thể gây lũ quét ở vùng núi."), ["rain", "hazard"]);
}

#[test]
fn sustained_winds_with_no_storm_named_are_a_wind() {
    // A city forecast: no storm to tell of.
    assert_eq!(kinds_en("Cloudy sky and sustained winds of levels 2-3 this morning."), ["sky", "wind"]);
    // After a storm is named, its strength.
    assert_eq!(
        kinds_en(
            "Super typhoon Fung Wong moved into the northern East Sea with sustained winds of level 13."
        ),
        ["cyclone"]
    );
}

#[test]
fn a_nowcast_from_now_is_a_forecast() {
    // "Hiện tại" alone says what is happening; "hiện tại đến 03 giờ tới" is the next three hours:
    // marked observed, its thunderstorms would fire no forecast rule.
    let doc = parse(
        "Cảnh báo: Hiện tại đến 03 giờ tới trên địa bàn các huyện Bá Thước, Cẩm Thủy có mưa rào và dông.",
        &opts(),
    );
    let observed: Vec<_> =
        doc.facts().map(|f| (f.kind(), f.qualifiers.observed, f.qualifiers.when.clone())).collect();
    let when = Some("Hiện tại đến 03 giờ tới".to_owned());
    assert_eq!(observed, [("rain", None, when.clone()), ("thunderstorm", None, when)]);
}

#[test]
fn what_was_measured_before_an_ellipsis_is_not_what_is_forecast_after_it() {
    let doc = parse(
        "Lượng mưa đo được tại trạm Quảng Uyên 72,2 mm, Hạ Lang 30,6mm… Dự báo trong những giờ tới, ở khu vực các tỉnh Cao Bằng, Lạng Sơn sẽ có mưa vừa đến mưa to.",
        &opts(),
    );
    let observed: Vec<_> = doc.facts().map(|f| (f.kind(), f.qualifiers.observed)).collect();
    assert_eq!(observed, [("rainfall", Some(true)), ("rainfall", Some(true)), ("rain", None)]);
}

#[test]
fn two_words_for_one_heat_are_one_fact() {
    assert_eq!(kinds("Trưa chiều trời nóng và oi bức."), ["heat"]);
    assert_eq!(kinds_en("The central region is sweltering under a hot weather."), ["heat"]);
    // Two severities are two facts: "nắng nóng, có nơi nắng nóng gay gắt".
    assert_eq!(kinds("Ngày nắng nóng, có nơi nắng nóng gay gắt."), ["heat", "heat"]);
}

#[test]
fn english_heat_that_ends_is_no_heat() {
    assert_eq!(kinds_en("The south will enjoy a respite from the recent heatwave."), Vec::<&str>::new());
    assert_eq!(kinds_en("Heat intensity will drop."), Vec::<&str>::new());
    assert_eq!(kinds_en("The heat wave will drop from Monday."), Vec::<&str>::new());
}

#[test]
fn english_thunderstorms_that_bring_hazards_and_translated_gusts() {
    // "may also bring", and after a comma: the thunderstorms are the hazards' condition.
    let conditions = |t: &str| -> Vec<(&'static str, Option<Condition>)> {
        parse(t, &en()).facts().map(|f| (f.kind(), f.qualifiers.condition)).collect()
    };
    let in_storms = Some(Condition::InThunderstorms);
    assert_eq!(
        conditions("Thunderstorms may also bring whirlwinds and lightning."),
        [("hazard", in_storms), ("hazard", in_storms)]
    );
    assert_eq!(
        conditions("Some areas could see heavy rain, while thunderstorms may bring lightning."),
        [("rain", None), ("hazard", in_storms)]
    );
    // "gió giật mạnh cấp 5-7" translated word for word is the strong-gusts hazard with its level.
    let levels: Vec<_> = parse("During a thunderstorm, hail and wind jerked strongly about 5-7.", &en())
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Hazard { hazard: HazardKind::StrongGusts, level } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, [r(5.0, 7.0)]);
}

/// Inputs a review of the day's rules found mishandled; each gave the wrong facts before its fix.
#[test]
fn review_of_the_days_rules() {
    // A comparison later in the sentence does not make the value reached a change.
    assert_eq!(temps("Nhiệt độ thấp nhất giảm xuống 12-14 độ, giảm 5-7 độ so với hôm qua."), [r(12.0, 14.0)]);
    // "có gió giật mạnh cấp 7" after a wind is its gust.
    assert_eq!(
        winds("Gió đông bắc cấp 4, có gió giật mạnh cấp 7."),
        [(vec![Compass::NE], r(4.0, 4.0), r(7.0, 7.0))]
    );
    // A gust's speed is not the wind's.
    let speeds: Vec<_> = parse("Gió đông nam 5-8 m/s, giật 10-12 m/s.", &opts())
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some(w.speed_ms),
            _ => None,
        })
        .collect();
    assert_eq!(speeds, [r(5.0, 8.0)]);
    // A trend with an amount is a change.
    assert_eq!(
        kinds_en("The lowest temperatures are expected to decrease by 3-5 degrees tonight."),
        Vec::<&str>::new()
    );
    assert_eq!(kinds("Nhiệt độ sẽ tăng 2-3 độ."), Vec::<&str>::new());
    // The radius sentence ends at ";".
    assert_eq!(
        winds(
            "Bán kính gió mạnh cấp 6 khoảng 100km tính từ tâm bão; vùng biển phía Bắc có gió cấp 8, giật cấp 10."
        ),
        [(vec![], r(8.0, 8.0), r(10.0, 10.0))]
    );
    // An issue line is not wrapped into the next.
    let doc = parse("Thời gian phát tin: 16h00 ngày 19/01/2024\nkhu vực Hà Nội có mưa rào.", &opts());
    assert_eq!(doc.issued_at.as_deref(), Some("2024-01-19T16:00:00+07:00"));
    assert_eq!(doc.facts().map(|f| f.kind()).collect::<Vec<_>>(), ["rain"]);
    // Strength near a centre names a storm.
    assert_eq!(
        kinds("Sức gió mạnh nhất vùng gần tâm mạnh cấp 10, giật cấp 12. Bão di chuyển theo hướng Tây."),
        ["cyclone"]
    );
    // A section heading ends the wind before it.
    assert_eq!(
        winds("Phía Bắc: Gió đông bắc cấp 6.\nPhía Nam: Gió mạnh lên cấp 5."),
        [(vec![Compass::NE], r(6.0, 6.0), None), (vec![], r(5.0, 5.0), None)]
    );
    // A place's number is its temperature; a number after unknown words is not.
    assert_eq!(temps("Nhiệt độ thấp nhất 20-22 độ, đỉnh Mẫu Sơn 12."), [r(20.0, 22.0), r(12.0, 12.0)]);
    // An ellipsis before a small letter ends no sentence.
    let listed = wheres("Các tỉnh Lai Châu, Điện Biên, Sơn La… có mưa vừa, mưa to.", LangChoice::Vi);
    assert_eq!(listed, [Some("Các tỉnh Lai Châu, Điện Biên, Sơn La".to_owned())]);
    // Thunderclouds after "có" are no thunderstorm.
    assert_eq!(kinds("Có mây dông phát triển ở phía tây."), Vec::<&str>::new());
    // After something said in its clause, "và" starts another clause's place.
    assert_eq!(
        wheres("Trời nắng nóng ở đồng bằng và vùng núi có mưa rào.", LangChoice::Vi),
        [None, Some("vùng núi".to_owned())]
    );
}

/// The temperature ranges of an English `input`.
fn temps_en(input: &str) -> Vec<Range> {
    picked(input, &en(), |b| match b {
        FactBody::Temperature { celsius, .. } => Some(*celsius),
        _ => None,
    })
}

#[test]
fn below_zero_keeps_its_sign() {
    let r = |a: f64, b: f64| Some(Range::new(Some(a), Some(b)));
    assert_eq!(temps("Nhiệt độ thấp nhất tại đỉnh Phia Oắc -0,5 độ C."), [r(-0.5, -0.5)]);
    assert_eq!(temps("Vùng núi cao có nơi từ -2 đến 1 độ C."), [r(-2.0, 1.0)]);
    assert_eq!(
        temps_en("Temperatures on Fansipan fell to minus 3 degrees Celsius."),
        [Range::new(Some(-3.0), Some(-3.0))]
    );
    // After a number the dash joins a range, and "17-5" stays a date.
    assert_eq!(temps("Nhiệt độ 25-27 độ C, ngày 17-5 có mưa."), [r(25.0, 27.0)]);
}

#[test]
fn english_thousands_and_vietnamese_decimals() {
    let mm = |input: &str, lang| -> Vec<Range> {
        picked(input, &in_lang(lang), |b| match b {
            FactBody::Rainfall { mm, .. } => Some(*mm),
            _ => None,
        })
    };
    assert_eq!(
        mm("Rainfall in Tra My reached 1,250 mm in three days.", LangChoice::En),
        [Range::new(Some(1250.0), Some(1250.0))]
    );
    assert_eq!(mm("Lượng mưa tại Trà My 125,6mm.", LangChoice::Vi), [Range::new(Some(125.6), Some(125.6))]);
}

#[test]
fn a_weekday_heading_a_day_of_a_forecast_is_no_issue_time() {
    // "Friday: … level 2-3" read as issued "Friday … 2-3" (2 March) lost the day's facts.
    let doc = parse(
        "Da Nang forecast\n\nFriday: Partly cloudy, light rain in the evening. East wind level 2-3. Highest temperature 29-31 degrees Celsius.\n",
        &en(),
    );
    assert_eq!(doc.issued_at, None);
    assert_eq!(doc.facts().map(|f| f.kind()).collect::<Vec<_>>(), ["sky", "rain", "wind", "temperature"]);
    // A weekday with its date right after it is the issue time.
    let doc = parse("Thứ Hai, 12/01/2026\nTrời rét, nhiệt độ thấp nhất 8-10 độ C.", &opts());
    assert!(doc.issued_at.is_some_and(|t| t.starts_with("2026-01-12")));
}

#[test]
fn near_the_centre_of_a_depression_is_a_place() {
    // The near-centre wind of a tropical depression was read as a second depression.
    let winds = each_fact(
        "Vùng biển giữa Biển Đông có gió mạnh cấp 6-7, vùng gần tâm áp thấp nhiệt đới cấp 8, giật cấp 10.",
        &opts(),
        |b| match b {
            FactBody::Wind(w) => Some((w.level, w.gust)),
            _ => None,
        },
    );
    assert_eq!(winds, [Some((r(6.0, 7.0), None)), Some((r(8.0, 8.0), r(10.0, 10.0)))]);
}

#[test]
fn gusts_in_thunderstorms_are_the_hazard_with_its_level() {
    let hazards = |input: &str| -> Vec<(HazardKind, Option<Range>)> {
        picked(input, &opts(), |b| match b {
            FactBody::Hazard { hazard, level } => Some((*hazard, *level)),
            _ => None,
        })
    };
    // "trên" before a level is its open bound, not a place.
    assert_eq!(
        hazards("Trong cơn dông đề phòng gió giật mạnh trên cấp 8."),
        [(HazardKind::StrongGusts, Some(Range::new(Some(8.0), None)))]
    );
    // Gusts with no wind named, in thunderstorms, are the strong-gusts hazard.
    assert_eq!(
        hazards("Trong cơn dông có thể có gió giật mạnh cấp 7-8."),
        [(HazardKind::StrongGusts, Some(Range::new(Some(7.0), Some(8.0))))]
    );
    // A wind's gusts stay the wind's.
    assert_eq!(kinds("Gió đông bắc cấp 4, có gió giật mạnh cấp 7."), ["wind"]);
}

#[test]
fn heat_and_cold_that_end_where_they_are_named() {
    assert!(kinds("Hà Nội hết nắng nóng.").is_empty());
    assert!(kinds("Từ ngày 5/6, Bắc Bộ chấm dứt đợt nắng nóng.").is_empty());
    assert!(kinds("Miền Bắc hết rét, trời ấm lên.").is_empty());
    assert_eq!(kinds("Nắng nóng còn kéo dài đến hết ngày 20/6."), ["heat"]);
    // "Đợt rét" takes the severity that follows it.
    let colds = |input: &str| -> Vec<ColdSeverity> {
        picked(input, &opts(), |b| match b {
            FactBody::Cold { severity } => Some(*severity),
            _ => None,
        })
    };
    assert_eq!(
        colds("Đợt rét đậm, rét hại này kéo dài đến ngày 25/1."),
        [ColdSeverity::Severe, ColdSeverity::Damaging]
    );
    assert_eq!(colds("Đợt rét hại có thể kéo dài 3 ngày."), [ColdSeverity::Damaging]);
}

#[test]
fn fresh_english_review() {
    // A storm's strength in a sentence of its own, after its position.
    let storm = each_fact(
        "At 7 a.m., the storm was located at 16.0 degrees north latitude and 113.0 degrees east longitude. Winds near the centre were at level 9, gusting to level 11.",
        &en(),
        |b| match b {
            FactBody::Cyclone(c) => Some((c.level, c.gust)),
            _ => None,
        },
    );
    let r = |a: f64| Some(Range::new(Some(a), Some(a)));
    assert_eq!(storm, [Some((r(9.0), r(11.0)))]);
    // A river's alarm level is no wind; flooded streets are inundation; gusts of a level are a wind's.
    assert!(kinds_en("Water levels on the Ca River may rise to alarm level 3.").is_empty());
    assert_eq!(kinds_en("Low-lying areas may remain flooded until Sunday."), ["hazard"]);
    assert_eq!(kinds_en("Tan Son Hoa station measured wind gusts of level 8."), ["wind"]);
    // A difference is no temperature; "below freezing" with no number is no ice.
    assert!(kinds_en("Street temperatures can be 2-3 degrees higher than forecast.").is_empty());
    assert!(kinds_en("Temperatures in the mountains fell below freezing overnight.").is_empty());
    // "high places" is a place, not the bound "high"; "clouds and sunshine" is partly cloudy.
    let bounds: Vec<_> =
        parse("Lowest temperatures of 3-6 degrees, some high places below 0 degrees.", &en())
            .facts()
            .map(|f| match f.body {
                FactBody::Temperature { bound, .. } => bound,
                _ => None,
            })
            .collect();
    assert_eq!(bounds, [Some(Bound::Low), Some(Bound::Low)]);
    assert_eq!(kinds_en("Da Nang will have clouds and sunshine."), ["sky"]);
    assert_eq!(kinds_en("The risk of natural disasters due to strong winds at sea is at level 2."), ["risk"]);
}

#[test]
fn fresh_review_second_round() {
    // Fahrenheit in brackets repeats the reading; it is no second temperature.
    assert_eq!(
        temps_en("Mau Son recorded minus 2 degrees Celsius (28.4 degrees Fahrenheit) this morning."),
        [Range::new(Some(-2.0), Some(-2.0))]
    );
    assert_eq!(
        temps_en("Hanoi will see 12 degrees Celsius (54 F) tonight."),
        [Range::new(Some(12.0), Some(12.0))]
    );
    // Departures from the long-term average, and counts of days, are no readings.
    assert!(kinds("Nhiệt độ trung bình cao hơn TBNN 0,5-1 độ C.").is_empty());
    assert!(
        kinds_en("Temperatures are forecast to be 0.5-1 degree above the multi-year average.").is_empty()
    );
    assert_eq!(
        temps("Nhiệt độ trung bình 10 ngày tới phổ biến 15-18 độ C."),
        [Some(Range::new(Some(15.0), Some(18.0)))]
    );
    // "3-50C" is 3 to 5 °C with its degree sign read as a 0.
    assert_eq!(temps("Nhiệt độ thấp nhất: 3-50C."), [Some(Range::new(Some(3.0), Some(5.0)))]);
    // A capitalised "Mù" opening a name is no mist; "khi mưa lớn" is a condition, no rain.
    assert_eq!(kinds("Lượng mưa đo được tại Mù Cang Chải 80mm."), ["rainfall"]);
    assert_eq!(kinds("Tầm nhìn xa giảm xuống 1-4km khi có mưa lớn."), ["visibility"]);
    // Rain named as a cause, with words describing it before the verb, is no rain.
    assert_eq!(kinds("Mưa lớn cường suất cao có thể gây ngập úng."), ["hazard"]);
}

#[test]
fn review_of_the_fresh_rules() {
    // A falling temperature before a cold word does not end the cold; "kéo dài hết tuần" is a time.
    assert_eq!(kinds("Từ ngày 25, nhiệt độ giảm dần và trời chuyển rét."), ["cold"]);
    assert_eq!(kinds("Trời rét kéo dài hết tuần này."), ["cold"]);
    assert_eq!(kinds("Nắng nóng còn kéo dài hết tuần."), ["heat"]);
    // A weekday with "-", "(" or "|" before its date is the issue time; one with a colon heads
    // a day of the forecast.
    for line in ["Thứ Sáu - 20/04/2018 15:56", "Thứ Sáu (20/04/2018) 15:56", "Thứ Sáu | 20/04/2018 | 15:56"]
    {
        let doc = parse(&format!("{line}\nCó mưa rào."), &opts());
        assert_eq!(doc.issued_at.as_deref(), Some("2018-04-20T15:56:00+07:00"), "{line}");
    }
    let doc = parse("Friday, November 18, 2024: Cloudy, northeast wind level 2-3.", &en());
    assert_eq!((doc.issued_at.clone(), doc.facts().count()), (None, 2));
    // A "-" bullet before a date is no minus sign; gusts given in km/h are the hazard.
    assert_eq!(temps("-20/01: Mưa nhỏ, nhiệt độ 15-18 độ C."), [Some(Range::new(Some(15.0), Some(18.0)))]);
    assert_eq!(kinds_en("Wind gusts of 60-70 km/h are possible."), ["hazard"]);
    // Boilerplate about ships does not swallow a forecast worded "chịu ảnh hưởng của".
    assert_eq!(
        kinds(
            "Khu vực Bắc Bộ có khả năng chịu ảnh hưởng của không khí lạnh, trời rét, nhiệt độ thấp nhất 12-15 độ C."
        ),
        ["cold", "temperature"]
    );
}

#[test]
fn thresholds_in_advice_and_english_forecast_tables() {
    // A clause that sets a threshold ("khi nhiệt độ dưới 10 độ C", "when winds reach level 6")
    // states no reading; cattle "chết rét" is no cold forecast.
    assert!(kinds("Không chăn thả gia súc khi nhiệt độ dưới 10 độ C.").is_empty());
    assert!(kinds("Gia súc dễ bị chết rét.").is_empty());
    // What happens past the threshold is still said: a possible ice hazard.
    assert_eq!(
        kinds("Đêm nay trời rét, khi nhiệt độ xuống dưới 5 độ C có thể xảy ra băng giá."),
        ["cold", "hazard"]
    );
    assert!(kinds_en("Fishermen are advised to stay in port when winds reach level 6 or higher.").is_empty());
    assert!(kinds_en("Schools close if the temperature drops below 7 degrees Celsius.").is_empty());
    // The strength cell of an English storm table is the storm's, as in Vietnamese tables.
    let doc = parse(
        "At 7 am, the centre of the tropical depression was at about 15.3 degrees north latitude and 113.6 degrees east longitude.\nForecast time | Direction, speed | Position | Strongest wind\n7 am Oct 9 | West-northwest, 10-15 km/h | 16.0N - 111.4E | Level 7, gust 9\n",
        &en(),
    );
    assert_eq!(doc.facts().map(|f| f.kind()).collect::<Vec<_>>(), ["cyclone", "cyclone"]);
}

#[test]
fn poor_visibility_in_metres() {
    let km = |input: &str, lang| -> Vec<Range> {
        picked(input, &in_lang(lang), |b| match b {
            FactBody::Visibility { km } => Some(*km),
            _ => None,
        })
    };
    assert_eq!(
        km("Sáng sớm có sương mù, tầm nhìn xa dưới 500m.", LangChoice::Vi),
        [Range::new(None, Some(0.5))]
    );
    assert_eq!(km("Visibility may drop below 100 m in fog.", LangChoice::En), [Range::new(None, Some(0.1))]);
    // A definition of mist in metres is no reading.
    assert!(km("Mù là hiện tượng làm tầm nhìn xuống dưới 10000 m, trên 1000 m.", LangChoice::Vi).is_empty());
}

#[test]
fn fourth_review_english_wording() {
    let wind = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Wind(w) => Some((w.from.clone(), w.level, w.gust)),
            _ => None,
        })
    };
    // Compass codes, and a colon after "Wind", keep the direction.
    assert_eq!(wind("Wind: NE, level 3-4."), [(vec![Compass::NE], r(3.0, 4.0), None)]);
    assert_eq!(wind("WIND SSW LEVEL 2."), [(vec![Compass::SSW], r(2.0, 2.0), None)]);
    assert_eq!(wind("Wind: southeast level 2-3."), [(vec![Compass::SE], r(2.0, 3.0), None)]);
    // A gust named after its level.
    assert_eq!(wind("East wind level 4, level 6 gusts."), [(vec![Compass::E], r(4.0, 4.0), r(6.0, 6.0))]);
    assert_eq!(wind("East wind level 4, gusts to level 6."), [(vec![Compass::E], r(4.0, 4.0), r(6.0, 6.0))]);
    // Clock times are no temperatures, also at the end of a sentence.
    assert!(kinds_en("Sunburn risk is high from 11:00 to 15:00.").is_empty());
    assert_eq!(
        temps_en("Highest temperatures measured at 14:00: Vinh 38.2 degrees C."),
        [Range::new(Some(38.2), Some(38.2))]
    );
    // Machine-translated word order: the intensity after the rain, "wind gust strong", "thunder".
    let intensities = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Rain { intensity, .. } => Some(intensity.clone()),
            _ => None,
        })
    };
    assert_eq!(
        intensities("The Delta has rain medium, some places rain big."),
        [vec![Intensity::Moderate], vec![Intensity::Heavy]]
    );
    // "In the thunder" is the condition of what follows it.
    assert_eq!(
        kinds_en("Rain big and thunder. In the thunder may occur tornado and wind gust strong."),
        ["rain", "thunderstorm", "hazard", "hazard"]
    );
    // Plural bounds, "past 40C", and the high mountains as a place.
    let bounds = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Temperature { bound, celsius } => Some((*bound, *celsius)),
            _ => None,
        })
    };
    assert_eq!(
        bounds("Maximum temperatures will reach 34-36 degrees."),
        [(Some(Bound::High), Range::new(Some(34.0), Some(36.0)))]
    );
    assert_eq!(bounds("Mercury rose past 39C."), [(None, Range::new(Some(39.0), None))]);
    assert_eq!(
        bounds("The lowest temperature is 9-12 degrees, the high mountain under 4 degrees."),
        [
            (Some(Bound::Low), Range::new(Some(9.0), Some(12.0))),
            (Some(Bound::Low), Range::new(None, Some(4.0)))
        ]
    );
    // What states no weather: conditions, advice, gear, a high UV level, thresholds in advice.
    assert_eq!(kinds_en("Visibility under 2 km in heavy rain."), ["visibility"]);
    assert!(kinds_en("Take care when driving in foggy conditions.").is_empty());
    assert!(kinds_en("Hikers should pack rain gear and raincoats.").is_empty());
    assert!(kinds_en("The UV index will stay at a very high level of 10.").is_empty());
    assert!(kinds_en("Do not sow rice when the average daily temperature is below 15 degrees C.").is_empty());
    // A fog title in capitals is fog, not a name.
    assert_eq!(kinds_en("FOG IN THE EARLY MORNING"), ["fog"]);
}

#[test]
fn fourth_review_vietnamese_causes() {
    // A cause with no comma ends where a wind with its direction and level starts, or where
    // a wrapped line starts with a wind and its direction.
    assert_eq!(kinds("Do ảnh hưởng của không khí lạnh gió đông bắc cấp 3-4."), ["wind"]);
    let wind = picked(
        "Không khí lạnh ảnh hưởng đến Nghệ An\ngió chuyển hướng bắc, ven biển cấp 3.",
        &opts(),
        |b| match b {
            FactBody::Wind(w) => Some(w.from.clone()),
            _ => None,
        },
    );
    assert_eq!(wind, [vec![Compass::N]]);
    // A cause that goes on with a wind word keeps it ("kết hợp với gió đông bắc trên cao").
    assert_eq!(
        kinds("Do ảnh hưởng của không khí lạnh kết hợp với gió đông bắc trên cao nên có mưa."),
        ["rain"]
    );
    // Heat and cold that open a sentence as a cause are no facts, as rain is not.
    assert!(kinds("Nắng nóng có thể gây nguy cơ cháy rừng.").is_empty());
    assert!(kinds("Rét hại có thể gây chết gia súc.").is_empty());
    assert_eq!(kinds("Ngày mai nắng nóng, có nơi nắng nóng gay gắt."), ["heat", "heat"]);
    // Erosion of a bank or coast is no landslide.
    assert!(kinds("Triều cường có khả năng gây sạt lở bờ biển.").is_empty());
    assert_eq!(kinds("Nguy cơ cao xảy ra sạt lở đất."), ["hazard"]);
}

#[test]
fn english_issue_lines_and_labels_with_a_time() {
    // A day and month with no year take the reference time's year; "may" still needs one.
    let issued = |input: &str| parse(input, &en()).issued_at;
    assert_eq!(issued("Issued at 10:00, 18 October\nCloudy.").as_deref(), Some("2026-10-18T10:00:00+07:00"));
    assert_eq!(issued("Issued at 09:30 on 3 June\nCloudy.").as_deref(), Some("2026-06-03T09:30:00+07:00"));
    assert_eq!(issued("Issued at 09:30, winds level 7 may increase.").as_deref(), None);
    // A weekday and date ending in a colon heads a day of the forecast.
    let doc = parse("Saturday 10 August:\nSunny, southwest wind level 3.", &en());
    assert_eq!((doc.issued_at.clone(), doc.facts().count()), (None, 2));
    // A forecast label with a time before its colon ends what was observed before it.
    let doc = parse(
        "Current situation: Co To station recorded northeast wind level 6.\nForecast for today and tonight: northeast wind level 7.",
        &en(),
    );
    let observed: Vec<Option<bool>> = doc.facts().map(|f| f.qualifiers.observed).collect();
    assert_eq!(observed, [Some(true), None]);
    // A place between the label and its colon is no time: the place is kept.
    let doc = parse("Forecast for the Northern Delta: cloudy.", &en());
    let places: Vec<Option<String>> = doc.facts().map(|f| f.qualifiers.where_.clone()).collect();
    assert_eq!(places, [Some("the Northern Delta".to_owned())]);
}

#[test]
fn headings_with_what_they_include_in_brackets() {
    let areas = |input: &str| -> Vec<(Option<String>, usize)> {
        parse(input, &opts())
            .sections
            .iter()
            .map(|s| (s.area.as_ref().map(|a| a.name.clone()), s.facts.len()))
            .collect()
    };
    // A sea area's name with what it includes in brackets.
    assert_eq!(
        areas(
            "Bắc vịnh Bắc Bộ: Không mưa.\nGiữa Biển Đông (bao gồm vùng biển đặc khu Trường Sa): Có mưa rào."
        ),
        [
            (Some("Bắc vịnh Bắc Bộ".to_owned()), 1),
            (Some("Giữa Biển Đông (bao gồm vùng biển đặc khu Trường Sa)".to_owned()), 1)
        ]
    );
    // The places listed in brackets do not make a heading too long.
    let long = "KHU VỰC PHÍA TÂY (thành phố Sơn La và các huyện Mai Sơn, Yên Châu, Mộc Châu, Vân Hồ, Sông Mã):\nNhiều mây, có mưa nhỏ.";
    assert_eq!(areas(long).first().map(|(a, n)| (a.is_some(), *n)), Some((true, 2)));
}

#[test]
fn fifth_review_rules() {
    let rain = |input: &str, opts: &ParseOptions| {
        picked(input, opts, |b| match b {
            FactBody::Rain { form, intensity } => Some((*form, intensity.clone())),
            _ => None,
        })
    };
    // The form after its intensity, and downpours, are rain with that intensity.
    assert_eq!(rain("Heavy showers in the afternoon.", &en()), [(RainForm::Showers, vec![Intensity::Heavy])]);
    assert_eq!(rain("A heavy downpour hit the city.", &en()), [(RainForm::Rain, vec![Intensity::Heavy])]);
    assert_eq!(rain("Heavy downpours are forecast.", &en()), [(RainForm::Rain, vec![Intensity::Heavy])]);
    // Machine-translated labels and severities.
    let cold = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Cold { severity } => Some(*severity),
            _ => None,
        })
    };
    assert_eq!(
        cold("The North is cold deep, the mountains cold damage."),
        [ColdSeverity::Severe, ColdSeverity::Damaging]
    );
    assert_eq!(
        kinds_en("Vision far 4-10 km. Risk of flood sweep in the mountains."),
        ["visibility", "hazard"]
    );
    assert_eq!(kinds_en("Level risk disaster due to strong wind: level 1."), ["risk"]);
    assert!(kinds_en("Workers should avoid heat stress at noon.").is_empty());
    // A prolonged cause before what it causes is no fact; one combined with another may be
    // forecast ("… kết hợp với gió tây khô nóng xảy ra ở …"), and stays.
    assert_eq!(kinds("Mưa to kéo dài khiến nhiều tuyến phố bị ngập."), ["hazard"]);
    assert_eq!(kinds("Mưa lớn kéo dài trong 3 ngày."), ["rain"]);
    assert_eq!(kinds("Rét đậm kết hợp mưa phùn có thể gây hại cho cây trồng."), ["cold", "rain"]);
    // "đợt mưa dông" is a thunderstorm only; "khi trời mưa to" a condition; a river's highest
    // water level no temperature.
    assert_eq!(kinds("Đợt mưa dông kéo dài đến hết ngày mai."), ["thunderstorm"]);
    assert!(kinds("Người dân hạn chế ra đường khi trời mưa to.").is_empty());
    assert!(kinds("Mực nước cao nhất tại trạm Tân Châu 3,2m, trên báo động 2.").is_empty());
}

#[test]
fn review_of_the_fourth_and_fifth_rules() {
    // A colon after the wind word keeps the direction, and a wind named again after it is read
    // from its own direction.
    let from = |input: &str, opts: &ParseOptions| {
        picked(input, opts, |b| match b {
            FactBody::Wind(w) => Some(w.from.clone()),
            _ => None,
        })
    };
    assert_eq!(from("Gió: Đông Bắc cấp 3-4.", &opts()), [vec![Compass::NE]]);
    assert_eq!(from("Wind: northeast wind level 3-4.", &en()), [vec![Compass::NE]]);
    assert_eq!(from("Monsoon: northeast wind level 4.", &en()), [vec![Compass::NE]]);
    // "in heavy rain" after a verb of being is the rain itself.
    assert_eq!(kinds_en("The North will be in heavy rain for three days."), ["rain"]);
    assert_eq!(kinds_en("The North remains in foggy conditions in the early morning."), ["fog"]);
    // Thunder clouds are no thunderstorm; "khi trời có mưa dông" is the thunderstorms' condition.
    assert!(kinds_en("Satellite images show thunder clouds developing over the North.").is_empty());
    let conditions: Vec<Option<Condition>> = parse("Khi trời có mưa dông, có thể xảy ra lốc, sét.", &opts())
        .facts()
        .map(|f| f.qualifiers.condition)
        .collect();
    assert_eq!(conditions, [Some(Condition::InThunderstorms), Some(Condition::InThunderstorms)]);
    // A filler before brackets is no heading.
    let doc = parse("Khu vực Hà Nội: Có mưa.\nCụ thể (theo số liệu quan trắc): Sóng cao 3-4m.", &opts());
    assert_eq!(doc.sections.len(), 1);
    // A cause joined on across a wrapped line keeps the wind it names.
    assert_eq!(
        kinds(
            "Do ảnh hưởng của hoàn lưu bão kết hợp với\ngió tây nam hoạt động mạnh với cường độ cấp 5-6, vùng biển phía Nam có mưa dông."
        ),
        ["thunderstorm"]
    );
    // A label's time is its facts' time.
    let whens: Vec<Option<String>> = parse("Dự báo thời tiết đêm nay: Nhiều mây.", &opts())
        .facts()
        .map(|f| f.qualifiers.when.clone())
        .collect();
    assert_eq!(whens, [Some("đêm nay".to_owned())]);
    // Dropping past a value reaches no value above it.
    assert!(kinds_en("Temperatures will drop past 10 degrees.").is_empty());
    // A light wind named before its direction; a level given with it says more.
    let light = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Wind(w) => Some((w.from.clone(), w.light, w.level)),
            _ => None,
        })
    };
    assert_eq!(light("Light southeast winds in the evening."), [(vec![Compass::SE], Some(true), None)]);
    assert_eq!(light("A gentle northerly breeze."), [(vec![Compass::N], Some(true), None)]);
    assert_eq!(light("Light southeast winds, level 2."), [(vec![Compass::SE], None, r(2.0, 2.0))]);
    // The month May is no likelihood.
    let likelihoods: Vec<Option<Likelihood>> = parse("In May, temperatures rose to 41 degrees.", &en())
        .facts()
        .map(|f| f.qualifiers.likelihood)
        .collect();
    assert_eq!(likelihoods, [None]);
    let likelihoods: Vec<Option<Likelihood>> = parse("Thunderstorms may occur in the afternoon.", &en())
        .facts()
        .map(|f| f.qualifiers.likelihood)
        .collect();
    assert_eq!(likelihoods.len(), 1);
    // "ngày 15: 38 độ C" is a day and a value, not the time 15:38.
    assert_eq!(temps("Nhiệt độ cao nhất ngày 15: 38 độ C."), [r(38.0, 38.0)]);
    // A forecast label with a place before its colon ends the observed block too.
    let doc = parse("Tình hình: Đêm qua có mưa rào.\nDự báo cho khu vực Hà Nội: Có mưa rào.", &opts());
    let observed: Vec<Option<bool>> = doc.facts().map(|f| f.qualifiers.observed).collect();
    assert_eq!(observed, [Some(true), None]);
    // A count of years or weeks is no value; a capital "May" in a sentence is the month.
    assert_eq!(kinds_en("Temperatures were the lowest in 20 years."), Vec::<&str>::new());
    let doc = parse("This is the hottest May in the past 30 years, with 41 degrees in Hanoi.", &en());
    let facts: Vec<(Option<Range>, Option<Likelihood>)> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Temperature { celsius, .. } => (Some(*celsius), f.qualifiers.likelihood),
            _ => (None, f.qualifiers.likelihood),
        })
        .collect();
    assert_eq!(facts, [(r(41.0, 41.0), None)]);
    assert_eq!(temps("Nhiệt độ cao nhất trong 30 năm qua là 41 độ C."), [r(41.0, 41.0)]);
}

#[test]
fn vietnamese_differences_from_another_day_and_lower_than() {
    let open = |min: Option<f64>, max: Option<f64>| Some(Range::new(min, max));
    // A difference from another day or year, named between "hơn" and the value or after it
    // with "so với", is no reading.
    assert_eq!(
        temps("Nhiệt độ cao nhất ở Hà Nội là 36 độ C, cao hơn hôm qua 2 độ."),
        [open(Some(36.0), Some(36.0))]
    );
    assert!(temps("Nền nhiệt thấp hơn khoảng 7 độ so với ngày hôm trước.").is_empty());
    assert!(temps("Nhiệt độ trung bình cao hơn so với cùng kỳ năm ngoái 1,5 độ C.").is_empty());
    // The reading stays when the comparison ends its clause or names it in many words, and
    // a value without "hơn" before "so với" is a reading.
    assert_eq!(temps("Nhiệt độ cao hơn hôm qua, phổ biến 35-37 độ."), [open(Some(35.0), Some(37.0))]);
    assert_eq!(
        temps("Trời nắng nóng hơn hôm qua với nhiệt độ cao nhất phổ biến 37 độ."),
        [open(Some(37.0), Some(37.0))]
    );
    assert_eq!(
        temps("Hà Nội 35 độ, so với 33 độ hôm qua."),
        [open(Some(35.0), Some(35.0)), open(Some(33.0), Some(33.0))]
    );
    // "thấp hơn" and "ít hơn" bound from above ("hơn" alone, "cao hơn" from below).
    assert_eq!(temps("Vùng núi cao có nơi thấp hơn 5 độ."), [open(None, Some(5.0))]);
    assert_eq!(temps("Có nơi cao hơn 38 độ."), [open(Some(38.0), None)]);
    let rainfall = picked("Lượng mưa ít hơn 20mm.", &opts(), |b| match b {
        FactBody::Rainfall { mm, .. } => Some(*mm),
        _ => None,
    });
    assert_eq!(rainfall, [Range::new(None, Some(20.0))]);
}

#[test]
fn sixth_review_vietnamese_rules() {
    // A label's topic noun is no rain; "trú mưa" and "mùa mưa" are none either.
    assert_eq!(kinds("Tình hình mưa: Trong 24 giờ qua, Bắc Bộ có mưa vừa, mưa to."), ["rain"]);
    assert_eq!(kinds("Dự báo mưa: ngày mai có mưa rào."), ["rain"]);
    assert!(kinds("Người dân nên tìm chỗ trú mưa an toàn.").is_empty());
    assert!(kinds("Đang vào mùa mưa nên cần chú ý.").is_empty());
    // Still rain where the label's words go on as a sentence.
    assert_eq!(kinds("Trung tâm cũng dự báo mưa lớn ở Tây Bắc."), ["rain"]);
    // Changes with an adverb are no readings.
    assert!(temps("Nhiệt độ giảm nhanh 3-5 độ.").is_empty());
    assert!(temps("Nhiệt độ hạ thấp 2-3 độ so với hôm qua.").is_empty());
    assert!(temps("Nhiệt độ tăng đột ngột 2-4 độ.").is_empty());
    // "mưa phùn nhẹ" is drizzle, light, as "mưa rào nhẹ" is showers, light.
    let rain = picked("Sáng sớm có mưa phùn nhẹ.", &opts(), |b| match b {
        FactBody::Rain { form, intensity } => Some((*form, intensity.clone())),
        _ => None,
    });
    assert_eq!(rain, [(RainForm::Drizzle, vec![Intensity::Light])]);
    // Fog in a title in capitals; "Mù Cang Chải" stays a place.
    assert_eq!(kinds("TIN SƯƠNG MÙ SÁNG NGÀY 12 THÁNG 3 TẠI CÁC TỈNH VÙNG NÚI PHÍA BẮC"), ["fog"]);
    assert!(kinds("Mù Cang Chải trời nhiều mây.").iter().all(|k| *k != "fog"));
    // A wind's speed after "tốc độ gió" or "với tốc độ".
    let speeds = picked(
        "Gió đông nam cấp 2-3, tốc độ gió 3-5 m/s. Gió tây nam thổi với tốc độ 10-15 km/h.",
        &opts(),
        |b| match b {
            FactBody::Wind(w) => Some((w.from.clone(), w.speed_ms, w.speed_kmh)),
            _ => None,
        },
    );
    assert_eq!(
        speeds,
        [
            (vec![Compass::SE], Some(Range::new(Some(3.0), Some(5.0))), None),
            (vec![Compass::SW], None, Some(Range::new(Some(10.0), Some(15.0)))),
        ]
    );
}

#[test]
fn sixth_review_english_rules() {
    let bounds = |input: &str| {
        picked(input, &en(), |b| match b {
            FactBody::Temperature { bound, celsius } => Some((*bound, *celsius)),
            _ => None,
        })
    };
    let r = |a: f64, b: f64| Range::new(Some(a), Some(b));
    // "max", "min", "maxima", "minima", and "min." before a number, which ends no sentence.
    assert_eq!(
        bounds("Max 30-32C, min 24-26C."),
        [(Some(Bound::High), r(30.0, 32.0)), (Some(Bound::Low), r(24.0, 26.0))]
    );
    assert_eq!(
        bounds("Temperatures tomorrow: min. 12 degrees, max. 19 degrees."),
        [(Some(Bound::Low), r(12.0, 12.0)), (Some(Bound::High), r(19.0, 19.0))]
    );
    assert_eq!(bounds("Maxima will be 36-38 degrees.").len(), 1);
    // A degree sign garbled as " 0C" is the unit, not a reading of 0.
    assert_eq!(bounds("Highest temperature 35-37 0C."), [(Some(Bound::High), r(35.0, 37.0))]);
    // "gust wind" is a gust; "then level 7" a later level.
    let winds = picked("Northeast wind level 5-6, then level 7, gusting to level 9.", &en(), |b| match b {
        FactBody::Wind(w) => Some((w.level, w.later, w.gust)),
        _ => None,
    });
    assert_eq!(winds, [(Some(r(5.0, 6.0)), Some(r(7.0, 7.0)), Some(r(9.0, 9.0)))]);
    assert_eq!(
        kinds_en("In thunderstorms there may be whirlwinds and gust wind level 7-8."),
        ["hazard", "hazard"]
    );
    assert_eq!(
        kinds_en("During thunderstorms, whirlwind and gust wind strong may occur."),
        ["hazard", "hazard"]
    );
    // A rain and thunder condition, however listed, states no rain or thunderstorm.
    assert_eq!(
        kinds_en("In showers and thunderstorms there may be whirlwinds and strong gusts."),
        ["hazard", "hazard"]
    );
    assert_eq!(kinds_en("During showers and thunderstorms, whirlwinds may occur."), ["hazard"]);
    // Misty, misspelt thunderstorms, and lightning as a modifier.
    assert_eq!(kinds_en("Mornings will be misty."), ["fog"]);
    assert_eq!(kinds_en("Isolated thunderstroms tonight."), ["thunderstorm"]);
    assert!(kinds_en("Radar and lightning location data show clouds moving east.").is_empty());
    assert!(kinds_en("Residents should install lightning rods on tall buildings.").is_empty());
    // A position in degrees north and east, and a clock's "a.m." inside a sentence.
    let positions = picked(
        "At 7 a.m., the storm was at about 17.2 degrees north and 112.5 degrees east, with winds of level 10.",
        &en(),
        |b| match b {
            FactBody::Cyclone(c) => Some((c.lat, c.lon, c.at.clone())),
            _ => None,
        },
    );
    assert_eq!(positions, [(Some(17.2), Some(112.5), Some("7 a.m.".to_owned()))]);
    // Where the wind comes from, and its speed, in prose.
    let winds = picked("Winds mainly from the southeast at 15-25 km/h.", &en(), |b| match b {
        FactBody::Wind(w) => Some((w.from.clone(), w.speed_kmh)),
        _ => None,
    });
    assert_eq!(winds, [(vec![Compass::SE], Some(r(15.0, 25.0)))]);
}

#[test]
fn definitions_state_no_weather() {
    // A phenomenon that is defined, and the values of its criterion, are no facts.
    assert!(kinds("Rét hại là khi nhiệt độ trung bình ngày dưới 13 độ C.").is_empty());
    assert!(kinds("Sương mù dày là khi tầm nhìn xa giảm xuống dưới 200m.").is_empty());
    assert!(kinds("Nắng nóng là hiện tượng nhiệt độ cao nhất trong ngày từ 35 độ C trở lên.").is_empty());
    assert!(
        kinds("Ghi chú: Rét đậm khi nhiệt độ trung bình ngày từ 13 đến 15 độ C; rét hại khi nhiệt độ trung bình ngày dưới 13 độ C.")
            .is_empty()
    );
    assert!(kinds_en("A heatwave is defined as a day with highs above 35 degrees.").is_empty());
    // Only to the end of its clause; and "khi" alone still says when.
    assert_eq!(kinds("Rét đậm là khi nhiệt độ dưới 15 độ C; đêm nay trời rét."), ["cold"]);
    assert_eq!(kinds("Trời rét khi về đêm."), ["cold"]);
}

#[test]
fn hazards_that_cause_an_impact_and_a_cause_in_capitals() {
    // Hazards opening their sentence as the cause of an impact are no facts.
    assert!(kinds("Lốc, sét, mưa đá có thể gây thiệt hại đến sản xuất nông nghiệp.").is_empty());
    assert!(kinds_en("Tornadoes, lightning and hail can damage houses, crops and power lines.").is_empty());
    assert!(kinds_en("Hail and strong gusts may badly affect farming and traffic.").is_empty());
    // Hazards that a phenomenon may cause are still possible facts.
    assert_eq!(kinds("Mưa lớn có thể gây lũ quét, sạt lở đất."), ["hazard", "hazard"]);
    assert_eq!(
        kinds("Trong mưa dông có khả năng xảy ra lốc, sét và gió giật mạnh."),
        ["hazard", "hazard", "hazard"]
    );
    // A cause's "do" ends a name in capitals: the rain after it is the cause.
    assert_eq!(
        kinds("CẢNH BÁO LŨ QUÉT, SẠT LỞ ĐẤT, SỤT LÚN ĐẤT DO MƯA LỚN TẠI CÁC TỈNH MIỀN NÚI"),
        ["hazard", "hazard"]
    );
}

#[test]
fn sixth_review_causes_and_ends_in_english() {
    // A risk's cause is its whole list, after "caused by" or "due to", up to the verb before the
    // level; none of its hazards is a fact.
    let risks = |input: &str| risks(input, &en());
    assert_eq!(
        risks("The disaster risk level caused by whirlwinds, lightning and hail stands at level 1."),
        [(1, Some("whirlwinds, lightning and hail".to_owned()))]
    );
    assert_eq!(
        risks("Natural disaster risk level due to strong winds at sea is level 2."),
        [(2, Some("strong winds at sea".to_owned()))]
    );
    // Heat that is ended is no heat; heat that goes on is.
    assert_eq!(kinds_en("Rain arrived on Tuesday, ending the hot spell there."), ["rain"]);
    assert_eq!(kinds_en("The heatwave will continue until Sunday."), ["heat"]);
}

#[test]
fn rain_conditions_and_the_coverage_of_merged_rain() {
    // "Khi mưa giông xảy ra", "Nếu có mưa rào" are conditions. ("Sau cơn mưa" stays rain: "Trời
    // nắng sau cơn mưa lớn đêm nay" forecasts the rain.)
    assert!(kinds("Khi mưa giông xảy ra, người dân không nên trú dưới gốc cây.").is_empty());
    assert!(kinds("Nếu có mưa rào, nhiệt độ sẽ giảm nhẹ.").is_empty());
    assert_eq!(kinds("Trời nắng sau cơn mưa lớn đêm nay."), ["sky", "rain"]);
    // A coverage word after rain phrases merged across a comma is the one rain fact's.
    let rain = picked("Đêm nay có mưa, mưa nhỏ rải rác.", &opts(), |b| match b {
        FactBody::Rain { intensity, .. } => Some(intensity.clone()),
        _ => None,
    });
    assert_eq!(rain, [vec![Intensity::Light]]);
    let doc = parse("Đêm nay có mưa, mưa nhỏ rải rác.", &opts());
    let coverage: Vec<_> = doc.facts().map(|f| f.qualifiers.coverage).collect();
    assert_eq!(coverage, [Some(Coverage::Scattered)]);
}

#[test]
fn review_of_the_sixth_review_rules() {
    let r = |a: Option<f64>, b: Option<f64>| Some(Range::new(a, b));
    // A reading named after "hơn hôm qua" with other words, or after "hơn" meaning "over", stays.
    assert_eq!(temps("Hôm nay trời nóng hơn hôm qua với nền nhiệt 37 độ C."), [r(Some(37.0), Some(37.0))]);
    assert_eq!(temps("Nhiệt độ hôm nay cao hơn hôm qua ở mức 36-37 độ C."), [r(Some(36.0), Some(37.0))]);
    assert_eq!(temps("Nền nhiệt cao hơn hôm qua: phổ biến 37-39 độ C."), [r(Some(37.0), Some(39.0))]);
    assert_eq!(
        temps("Nhiệt độ tại Hà Nội lên hơn 40 độ C so với 38 độ C hôm qua."),
        [r(Some(40.0), None), r(Some(38.0), Some(38.0))]
    );
    // A change with an adverb down or up to a value reaches it.
    assert_eq!(temps("Nhiệt độ giảm nhanh xuống 10-12 độ C."), [r(Some(10.0), Some(12.0))]);
    assert_eq!(temps("Nhiệt độ tăng đột ngột lên 40 độ C."), [r(Some(40.0), Some(40.0))]);
    assert_eq!(kinds("Tầm nhìn xa giảm nhanh xuống dưới 1km."), ["visibility"]);
    // A place in capitals that starts with "mù" is a name.
    assert_eq!(kinds("MƯA ĐÁ TRẮNG TRỜI Ở MÙ CANG CHẢI"), ["hazard"]);
    assert_eq!(kinds("HUYỆN MÙ CANG CHẢI RÉT ĐẬM"), ["cold"]);
    // What moves further on is not the wind.
    let speeds = picked(
        "Gió đông bắc cấp 3, không khí lạnh di chuyển với tốc độ 20 km/h.",
        &opts(),
        |b| match b {
            FactBody::Wind(w) => Some(w.speed_kmh),
            _ => None,
        },
    );
    assert_eq!(speeds, [None]);
    // "min"/"max" bound whatever is measured.
    let humidity = picked("Humidity min 60%, max 95%.", &en(), |b| match b {
        FactBody::Humidity { percent, .. } => Some(*percent),
        _ => None,
    });
    assert_eq!(humidity.len(), 2);
    assert_eq!(kinds_en("Waves 2-3 m, max 4 m."), ["waves", "waves"]);
    // "khi" before a reading says when, and a definition ends before a forecast.
    assert_eq!(kinds("Đêm nay trời rét khi nhiệt độ xuống 12-14 độ C."), ["cold"]);
    assert_eq!(kinds("Sáng nay có sương mù dày khi tầm nhìn xa chỉ còn dưới 200m."), ["fog", "visibility"]);
    assert_eq!(
        temps(
            "Rét đậm là khi nhiệt độ trung bình ngày dưới 15 độ C, dự báo vùng núi nhiệt độ thấp nhất 5-7 độ C."
        ),
        [r(Some(5.0), Some(7.0))]
    );
    // (The temperature after "when temperatures" is a threshold's, as before.)
    assert_eq!(kinds_en("The peak of the heatwave is when temperatures reach 40 degrees."), ["heat"]);
    // Hazards stated before what they do, or after "có", are facts.
    assert_eq!(
        kinds("Lốc, sét, mưa đá có thể xảy ra và gây thiệt hại về nhà cửa."),
        ["hazard", "hazard", "hazard"]
    );
    assert_eq!(kinds("Có lốc, sét gây thiệt hại."), ["hazard", "hazard"]);
    assert_eq!(kinds_en("Hail and strong gusts are likely and can damage crops."), ["hazard", "hazard"]);
    // Heat that is not said to end.
    assert_eq!(kinds_en("The never-ending heatwave continues in the North."), ["heat"]);
    assert_eq!(kinds_en("After the rain ends hot weather will return."), ["heat"]);
    // A risk's level is the number right after it, not a later count.
    let risks = picked("Risk level 1 applies to 5 northern provinces.", &en(), |b| match b {
        FactBody::Risk { level, .. } => Some(*level),
        _ => None,
    });
    assert_eq!(risks, [1]);
    // A storm "packing" winds: they are its strength.
    assert_eq!(
        kinds_en(
            "The storm, packing winds of level 11 and gusts of level 13, was about 200 km east of Hainan."
        ),
        ["cyclone"]
    );
}

#[test]
fn seventh_review_rules() {
    // A second risk level after a semicolon, its risk word left out; its causes are no hazards.
    let risks = |input: &str| risks(input, &opts());
    assert_eq!(
        risks("Cấp độ rủi ro thiên tai do rét đậm, rét hại: cấp 1; do gió mạnh trên biển: cấp 2."),
        [(1, Some("rét đậm, rét hại".to_owned())), (2, Some("gió mạnh trên biển".to_owned()))]
    );
    assert_eq!(
        kinds("Cấp độ rủi ro thiên tai do nắng nóng: cấp 1; do lốc, sét, mưa đá: cấp 1."),
        ["risk", "risk"]
    );
    // Outside a risk's sentence, "do" after a semicolon is a cause as before.
    assert!(kinds("Trời rét; do ảnh hưởng của không khí lạnh.").iter().all(|k| *k != "risk"));
    // A wind's place between it and its direction.
    let winds = picked(
        "Gió trong đất liền chuyển hướng đông bắc cấp 2-3, vùng ven biển cấp 3-4. Gió ở vùng ven biển chuyển hướng bắc cấp 3-4.",
        &opts(),
        |b| match b {
            FactBody::Wind(w) => Some((w.from.clone(), w.level)),
            _ => None,
        },
    );
    let r = |a: f64, b: f64| Some(Range::new(Some(a), Some(b)));
    assert_eq!(
        winds,
        [(vec![Compass::NE], r(2.0, 3.0)), (vec![Compass::NE], r(3.0, 4.0)), (vec![Compass::N], r(3.0, 4.0))]
    );
    // A trend that names its quantity is not the rain's.
    assert_eq!(kinds_en("The north will see drizzle and a sharp drop in temperature."), ["rain"]);
    assert!(kinds_en("The rains will gradually subside.").is_empty());
}

#[test]
fn review_of_the_seventh_review_rules() {
    let r = |a: Option<f64>, b: Option<f64>| Some(Range::new(a, b));
    // Differences with a hedge or other words between: no readings; a hedge naming a reading is one.
    assert!(temps("Nhiệt độ cao nhất hôm nay cao hơn hôm qua chừng 2 độ C.").is_empty());
    assert!(temps("Nhiệt độ cao nhất cao hơn hẳn hôm qua 3 độ C.").is_empty());
    assert!(temps("Trời ấm lên hơn hôm qua 2 độ C.").is_empty());
    assert_eq!(temps("Nhiệt độ hôm nay cao hơn hôm qua ở mức 36-37 độ C."), [r(Some(36.0), Some(37.0))]);
    // A change down to a value compared with another day is a change.
    assert!(temps("Nhiệt độ giảm mạnh xuống khoảng 3-5 độ so với ngày hôm trước.").is_empty());
    // Mist in a title in capitals; a place in capitals.
    assert_eq!(kinds("SÁNG SỚM CÓ MÙ VÀ SƯƠNG MÙ RẢI RÁC"), ["fog", "fog"]);
    assert_eq!(kinds("MƯA ĐÁ TRẮNG TRỜI Ở MÙ CANG CHẢI"), ["hazard"]);
    // A wind's speed after its gust; a region's name is no direction; no wind fact of a direction
    // alone.
    let winds = |input: &str| {
        picked(input, &opts(), |b| match b {
            FactBody::Wind(w) => Some((w.from.clone(), w.level, w.speed_kmh)),
            _ => None,
        })
    };
    assert_eq!(
        winds("Gió đông bắc cấp 3-4, giật cấp 6, tốc độ 20-30km/h."),
        [(vec![Compass::NE], r(Some(3.0), Some(4.0)), r(Some(20.0), Some(30.0)))]
    );
    assert_eq!(
        winds("Gió ở Bắc Bộ chuyển hướng đông bắc cấp 2-3."),
        [(vec![Compass::NE], r(Some(2.0), Some(3.0)), None)]
    );
    assert_eq!(
        winds("Gió ở Bắc Bộ chuyển hướng đông bắc, trong đất liền cấp 2-3, ven biển cấp 3-4."),
        [
            (vec![Compass::NE], r(Some(2.0), Some(3.0)), None),
            (vec![Compass::NE], r(Some(3.0), Some(4.0)), None)
        ]
    );
    // "min" before degrees after another quantity is a temperature's bound.
    let bounds = picked("Humidity 65-95%, Min 24°C, Max 32°C.", &en(), |b| match b {
        FactBody::Temperature { bound, .. } => Some(*bound),
        _ => None,
    });
    assert_eq!(bounds, [Some(Bound::Low), Some(Bound::High)]);
    // A definition goes on after "nhưng" that is no forecast.
    assert!(
        temps("Rét hại là khi nhiệt độ trung bình ngày dưới 13 độ C nhưng ở vùng núi cao là dưới 10 độ C.")
            .is_empty()
    );
    // A monsoon "packing" winds is no storm; a storm's place before "packing" is.
    assert_eq!(
        kinds_en("After the storm, the northeast monsoon packing winds of level 7 hits the Gulf of Tonkin."),
        ["wind"]
    );
    assert_eq!(
        kinds_en(
            "The typhoon is expected to be about 130 km off the coast of Quang Ngai, packing winds of level 13."
        ),
        ["cyclone"]
    );
    // An exception's bare risk level.
    let risks = picked(
        "Cấp độ rủi ro thiên tai: cấp 2, riêng vùng biển phía Đông: 3.",
        &opts(),
        |b| match b {
            FactBody::Risk { level, .. } => Some(*level),
            _ => None,
        },
    );
    assert_eq!(risks, [2, 3]);
    // A rain's trend before another quantity's still takes it back.
    assert!(kinds("Mưa giảm dần và nhiệt độ tăng trở lại.").is_empty());
}

#[test]
fn eighth_review_rules() {
    let r = |a: Option<f64>, b: Option<f64>| Range::new(a, b);
    // "and above" before another number opens that number, not the range before it.
    assert_eq!(
        temps_en("Highs of 37-40 degrees and above 41 degrees in some places."),
        [r(Some(37.0), Some(40.0)), r(Some(41.0), None)]
    );
    assert_eq!(temps_en("Highs of 35 degrees and above."), [r(Some(35.0), None)]);
    // "passing 40 degrees" opens a value; "rain amount" is an amount, not rain.
    assert_eq!(temps_en("Temperatures passing 40 degrees in Nghe An."), [r(Some(40.0), None)]);
    assert_eq!(kinds_en("Rain amount 50-80 mm."), ["rainfall"]);
    assert_eq!(kinds_en("In thunderstorms, wind jerk strongly."), ["hazard"]);
    // A storm's strength after its position given with "its centre".
    assert_eq!(
        kinds_en(
            "By 7 a.m., its centre is forecast at 17.5N, 110.2E, with winds of level 13, gusting to level 16."
        ),
        ["cyclone"]
    );
    // "Trong cơn dông tố" is a condition only.
    assert_eq!(kinds("Trong cơn dông tố cần đề phòng mưa đá."), ["hazard"]);
    // An observed label with its text on its line does not make the areas headed after it observed.
    let doc = parse(
        "Tình hình: Không khí lạnh đang di chuyển xuống phía Nam.\n+ Bắc Vịnh Bắc Bộ: Mưa vài nơi. Gió đông bắc cấp 5.\n",
        &opts(),
    );
    assert!(doc.facts().count() >= 2 && doc.facts().all(|f| f.qualifiers.observed.is_none()));
    // A label alone on its line still heads the observations under it.
    let doc = parse("Hiện trạng:\nHà Nội có mưa vừa, lượng mưa 20mm.\n", &opts());
    assert!(doc.facts().count() >= 1 && doc.facts().all(|f| f.qualifiers.observed == Some(true)));
}

#[test]
fn values_given_respectively_are_one_each() {
    let r = |a: f64| Range::new(Some(a), Some(a));
    assert_eq!(
        temps_en("Con Cuong and Tuong Duong recorded 40.5 and 39.8 degrees respectively."),
        [r(40.5), r(39.8)]
    );
    let rainfall = picked("Hanoi and Hue saw 210mm and 185mm, respectively.", &en(), |b| match b {
        FactBody::Rainfall { mm, .. } => Some(*mm),
        _ => None,
    });
    assert_eq!(rainfall, [r(210.0), r(185.0)]);
    // Without "respectively" the pair is a range.
    assert_eq!(
        temps_en("Temperatures of 35 and 36 degrees were recorded."),
        [Range::new(Some(35.0), Some(36.0))]
    );
}

#[test]
fn a_dew_point_is_no_temperature() {
    assert_eq!(kinds("Độ ẩm 80-90%, điểm sương 13 độ C."), ["humidity"]);
    assert_eq!(kinds_en("Humidity 85%, with a dew point of 24C."), ["humidity"]);
    assert_eq!(kinds("Độ ẩm 80-90%, nhiệt độ 25 độ C."), ["humidity", "temperature"]);
}

#[test]
fn words_beside_the_weather_state_no_fact() {
    // "close to freezing" says no number (no ice either), and "high peaks" is a place, not the
    // bound "high": the reading below it keeps no bound.
    let doc = parse(
        "Temperatures dropped close to freezing, and some high peaks would see below 0 degrees.",
        &en(),
    );
    let temps: Vec<_> = doc
        .facts()
        .map(|f| match &f.body {
            FactBody::Temperature { bound, celsius } => (f.kind(), *bound, Some(*celsius)),
            _ => (f.kind(), None, None),
        })
        .collect();
    assert_eq!(temps, [("temperature", None, Some(Range::new(None, Some(0.0))))]);
    // A river's alert level is no wind level; fog lights and dry floors are no weather.
    assert_eq!(kinds_en("Water levels are likely to rise to alert level 2-3."), Vec::<&str>::new());
    assert_eq!(kinds_en("Drivers are advised to turn on fog lights."), Vec::<&str>::new());
    assert_eq!(kinds_en("Residents should keep floors dry. Ha Noi will be dry next week."), ["no_rain"]);
    // "in drizzle and mist" is the condition of a visibility, not drizzle and mist.
    let doc = parse("Visibility 4-10km, reduced to 2-4km in drizzle and mist.", &en());
    let conditions: Vec<_> = doc.facts().map(|f| (f.kind(), f.qualifiers.condition)).collect();
    assert_eq!(conditions, [("visibility", None), ("visibility", Some(Condition::InRain))]);
    // A machine-translated "Cường độ cấp 7" is the cyclone's strength.
    let doc = parse("The depression will be at 12.1N-110.9E. Strength level 7, gusts level 9.", &en());
    assert_eq!(doc.facts().map(|f| f.kind()).collect::<Vec<_>>(), ["cyclone"]);
    // Vietnamese: "TIN NÓNG" (breaking news), a raincoat, "during the heat" state nothing.
    assert_eq!(kinds("TIN NÓNG: Hà Nội điều chỉnh lộ trình xe buýt từ ngày 15/10."), Vec::<&str>::new());
    assert_eq!(kinds("Người dân nên mang theo áo mưa khi ra đường."), Vec::<&str>::new());
    assert_eq!(kinds("Trong thời gian nắng nóng, cần đề phòng cháy rừng."), Vec::<&str>::new());
}

#[test]
fn machine_translated_storm_words() {
    // "speed about 15km/h" after a movement is its speed, not the winds' ("tốc độ khoảng").
    let doc =
        parse("The tropical depression is at 9.8N-114.6E. Moving West-Northwest, speed about 15km/h.", &en());
    let moving: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some((c.moving.as_ref().and_then(|m| m.kmh), c.speed_kmh)),
            _ => None,
        })
        .collect();
    assert_eq!(moving, [(Some(Range::new(Some(15.0), Some(15.0))), None)]);
    // "Wind strongest level 8" (Sức gió mạnh nhất) and "Clouds change" (Mây thay đổi).
    assert_eq!(
        kinds_en("Location of the center: 11.2N-111.9E. Wind strongest level 8, shock level 10."),
        ["cyclone"]
    );
    assert_eq!(kinds_en("Da Nang to Binh Thuan: Clouds change. Fog light in the morning."), ["sky", "fog"]);
    // The area near the storm's centre is a place of the sea forecast: a wind, not the storm.
    assert_eq!(
        kinds_en(
            "The North East Sea has winds of level 8-9, the area near the storm centre level 10-12, gusts level 15."
        ),
        ["wind", "wind"]
    );
    // Prices that "heat up" are no heat.
    assert_eq!(kinds_en("Hotel prices in Sa Pa heat up at weekends."), Vec::<&str>::new());
}

#[test]
fn a_rise_for_a_place_a_new_category_and_a_difference_from_the_forecast() {
    // "reaching level 3-4 in coastal areas": the coast's wind, from the same direction.
    let doc =
        parse("Northeast winds inland would blow at level 2-3, reaching level 3-4 in coastal areas.", &en());
    let winds: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Wind(w) => Some((w.from.clone(), w.level, w.later, f.qualifiers.where_.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        winds,
        [
            (vec![Compass::NE], Some(Range::new(Some(2.0), Some(3.0))), None, Some("inland".to_owned())),
            (
                vec![Compass::NE],
                Some(Range::new(Some(3.0), Some(4.0))),
                None,
                Some("in coastal areas".to_owned())
            ),
        ]
    );
    // A later rise of the same wind stays its later level.
    let doc = parse("Northeast wind level 3, increasing to level 5 later.", &en());
    assert_eq!(doc.facts().count(), 1);
    // A system that has weakened by a forecast position is of its new category there.
    let doc = parse(
        "Bão số 6. Lúc 07 giờ ngày 17/10: 15,2N-107,3E, trên khu vực Nam Lào; suy yếu thành áp thấp nhiệt đới, cấp 6.",
        &opts(),
    );
    let categories: Vec<_> = doc
        .facts()
        .filter_map(|f| match &f.body {
            FactBody::Cyclone(c) => Some(c.category),
            _ => None,
        })
        .collect();
    assert_eq!(categories, [canhbao::bulletin::CycloneCategory::TropicalDepression]);
    // The road is hotter than forecast: a difference, no reading.
    assert_eq!(
        kinds("Nhiệt độ trên bề mặt đường nhựa có thể cao hơn giá trị dự báo từ 3-5 độ C."),
        Vec::<&str>::new()
    );
}

#[test]
fn a_visibility_going_down_by_kilometres_is_the_visibility_reached() {
    // "giảm 4-10km", "decreasing 2-4km": the distance reached (it was lost as a change before,
    // and counted as understood); a temperature "giảm 3-5 độ C" stays a change.
    for (text, lang) in [
        ("Tầm nhìn xa trên 10km, giảm 4-10km trong mưa.", opts()),
        ("Visibility: Over 10km, decreasing 2-4km in rain.", en()),
    ] {
        let km: Vec<_> = parse(text, &lang)
            .facts()
            .filter_map(|f| match &f.body {
                FactBody::Visibility { km } => Some((km.min, f.qualifiers.condition)),
                _ => None,
            })
            .collect();
        assert_eq!(km.len(), 2, "{text}");
        assert_eq!(km.get(1).map(|k| k.1), Some(Some(Condition::InRain)), "{text}");
    }
    assert_eq!(kinds("Nhiệt độ giảm 3-5 độ C."), Vec::<&str>::new());
}
