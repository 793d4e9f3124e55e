//! Varied answers files for the bundled checklist `dssg-executive`, for portfolio benchmarks
//! and tests.
//!
//! `cargo run --example portfolio -- 1000 /tmp/p` writes `/tmp/p/org-0001.yaml` to
//! `org-1000.yaml`: organisations of several kinds across the oblasts, every other one in
//! Ukrainian, each with its own overall maturity, section strengths, comments and evidence, and
//! a few not-applicable, not-enough-information and unanswered indicators. The texts come from
//! a fixed pseudo-random sequence seeded by the file's number: the same N gives the same files.

use oversight::catalog::ChecklistRef;
use oversight::model::Checklist;
use oversight::source::Limits;
use std::fmt::Write;

const KINDS: [(&str, &str); 5] = [
    (
        "Main Directorate of the National Police in",
        "Головне управління Національної поліції в",
    ),
    (
        "Main Directorate of the State Emergency Service in",
        "Головне управління ДСНС у",
    ),
    (
        "Regional Department of the State Migration Service in",
        "Територіальний орган ДМС у",
    ),
    ("Border Guard Detachment in", "Прикордонний загін у"),
    (
        "Regional Military Administration of",
        "Обласна військова адміністрація:",
    ),
];

const REGIONS: [(&str, &str); 12] = [
    ("Kharkiv Oblast", "Харківській області"),
    ("Lviv Oblast", "Львівській області"),
    ("Odesa Oblast", "Одеській області"),
    ("Poltava Oblast", "Полтавській області"),
    ("Vinnytsia Oblast", "Вінницькій області"),
    ("Volyn Oblast", "Волинській області"),
    ("Chernihiv Oblast", "Чернігівській області"),
    ("Zakarpattia Oblast", "Закарпатській області"),
    ("Dnipropetrovsk Oblast", "Дніпропетровській області"),
    ("Kyiv Oblast", "Київській області"),
    ("Rivne Oblast", "Рівненській області"),
    ("Sumy Oblast", "Сумській області"),
];

const COMMENTS_EN: [&str; 4] = [
    "The procedure is approved by order and applied in most units; monitoring of results is not yet systematic.",
    "Rules exist on paper, but the review found uneven application across regional units and gaps in records.",
    "The practice is established, documented and reported quarterly to the head of the organisation.",
    "An external evaluation in the period confirmed the practice and recommended minor improvements.",
];

const COMMENTS_UK: [&str; 4] = [
    "Процедуру затверджено наказом і застосовують у більшості підрозділів; моніторинг результатів ще не є системним.",
    "Правила існують на папері, але перевірка виявила нерівномірне застосування в регіональних підрозділах і прогалини в обліку.",
    "Практика усталена, задокументована, щокварталу про неї звітують керівникові організації.",
    "Зовнішнє оцінювання в цьому періоді підтвердило практику та рекомендувало незначні вдосконалення.",
];

/// A small deterministic generator (SplitMix64), so the files need no random-number crate.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The bundled checklist the files answer.
pub fn checklist() -> Checklist {
    ChecklistRef::Id("dssg-executive".into())
        .load(&Limits::default())
        .expect("the bundled checklist is valid")
        .value
}

/// The file name and YAML text of organisation number `n` (1-based).
pub fn answers(checklist: &Checklist, n: usize) -> (String, String) {
    let mut random = Sequence(n as u64);
    let (kind_en, kind_uk) = KINDS[n % KINDS.len()];
    let (region_en, region_uk) = REGIONS[(n / KINDS.len()) % REGIONS.len()];
    let round = n / (KINDS.len() * REGIONS.len());
    let suffix = if round > 0 {
        format!(" ({})", round + 1)
    } else {
        String::new()
    };
    let ukrainian = n.is_multiple_of(2);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Synthetic self-assessment {n} (examples/portfolio.rs): illustrative data only.\n\
         checklist: dssg-executive\nchecklist_version: \"{version}\"\norganisation:\n  en: \"{kind_en} {region_en}{suffix}\"\n  uk: \"{kind_uk} {region_uk}{suffix}\"\n\
         assessed_on: 2026-{:02}-{:02}\nlanguage: {}\nassessors:\n  - {{name: \"Assessor {n}\", role: \"Head of the working group\"}}\nanswers:",
        9 + n % 3,
        1 + n % 28,
        if ukrainian { "uk" } else { "en" },
        version = checklist.version(),
    );
    // Each organisation has an overall maturity and a strength per top-level section.
    let maturity = 0.6 + 3.0 * random.unit();
    let strengths: Vec<f64> = checklist
        .sections()
        .iter()
        .map(|_| random.unit() * 1.6 - 0.8)
        .collect();
    let comments = if ukrainian { COMMENTS_UK } else { COMMENTS_EN };
    for (section, strength) in checklist.sections().iter().zip(&strengths) {
        let mut indicators = Vec::new();
        collect(section, &mut indicators);
        for indicator in indicators {
            // the bundled checklist has whole-number scales only
            let Some(scale) = checklist.scale_of(indicator) else {
                continue;
            };
            let whole = |value: oversight::model::Number| value.to_whole().unwrap_or_default();
            let (lowest, highest) = (whole(scale.lowest()), whole(scale.highest()));
            let roll = random.unit();
            let _ = write!(out, "\n  {}:\n", indicator.id);
            if roll < 0.03 {
                let _ = writeln!(
                    out,
                    "    status: not-applicable\n    comment: \"{}\"",
                    if ukrainian {
                        "Організація не має підрозділів, яких це стосується."
                    } else {
                        "The organisation has no units this applies to."
                    }
                );
                continue;
            }
            if roll < 0.06 {
                let _ = writeln!(out, "    status: not-enough-information");
                continue;
            }
            if roll < 0.10 {
                let _ = writeln!(out, "    level: ~");
                continue;
            }
            let raw = maturity + strength + (random.unit() - 0.5) * 1.5;
            let share = (raw / 4.0).clamp(0.0, 1.0);
            let span = (highest - lowest) as f64;
            let level = lowest + (share * span).round() as i64;
            let level = scale
                .levels
                .iter()
                .map(|l| whole(l.value))
                .min_by_key(|v| (v - level).abs())
                .unwrap_or(level);
            let comment = comments[(3.0 * (level - lowest) as f64 / span).round() as usize];
            if indicator.criteria.is_empty() {
                let _ = writeln!(out, "    level: {level}");
            } else {
                // The bundled checklist's criteria are cumulative: level k is the first k met.
                let met: Vec<&str> = indicator
                    .criteria
                    .iter()
                    .take((level - lowest) as usize)
                    .map(|c| c.id.as_str())
                    .collect();
                let _ = writeln!(out, "    criteria_met: [{}]", met.join(", "));
            }
            let _ = writeln!(out, "    comment: \"{comment}\"");
            if random.unit() < 0.5 {
                let _ = writeln!(
                    out,
                    "    evidence:\n      - {{title: \"{} {n}-{}\", date: 2026-0{}-1{}, ref: \"https://example.org/orders/{n}/{}\"}}",
                    if ukrainian { "Наказ №" } else { "Order No." },
                    indicator.id,
                    1 + n % 8,
                    n % 10,
                    indicator.id
                );
            }
            if level < highest && random.unit() < 0.2 {
                let _ = writeln!(
                    out,
                    "    action: {{text: \"{}\", owner: \"{}\", due: 2027-0{}-15}}",
                    if ukrainian {
                        "Запровадити щоквартальний моніторинг"
                    } else {
                        "Introduce quarterly monitoring"
                    },
                    if ukrainian {
                        "Відділ внутрішнього контролю"
                    } else {
                        "Internal Control Unit"
                    },
                    1 + n % 9
                );
            }
        }
    }
    (format!("org-{n:04}.yaml"), out)
}

fn collect<'a>(section: &'a oversight::model::Section, out: &mut Vec<&'a oversight::model::Indicator>) {
    out.extend(section.indicators.iter());
    for child in &section.sections {
        collect(child, out);
    }
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let folder = std::path::PathBuf::from(args.get(2).map_or("portfolio", String::as_str));
    std::fs::create_dir_all(&folder)?;
    let checklist = checklist();
    for n in 1..=count {
        let (name, text) = answers(&checklist, n);
        std::fs::write(folder.join(name), text)?;
    }
    println!("wrote {count} answers files to {}", folder.display());
    Ok(())
}
