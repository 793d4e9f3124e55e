//! The PDF engine on its own: layout rules and the written file.

use std::process::Command;

use oversight::render::pdf::{
    Align, Bar, BarChart, Block, CONTENT_BOTTOM, CONTENT_TOP, Cell, Column, Document, FontSet, Item, Layout,
    MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH, Rgb, Role, Row, Table, TextStyle,
};

const EPS: f32 = 0.01;
const UK_PARA_1: &str =
    "Парламентський комітет має повноваження викликати посадових осіб сектору безпеки для звітування.";
const UK_PARA_2: &str =
    "Омбудсман щорічно публікує звіт, який охоплює скарги військовослужбовців і членів їхніх родин.";

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Звіт про самооцінку".to_string(),
        author: "Громадська рада".to_string(),
        subject: "Oversight self-assessment".to_string(),
        lang: "uk".to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date"),
        footer_left: "Громадська рада".to_string(),
        page_label: "Сторінка {page} з {pages}".to_string(),
        marks: Default::default(),
        blocks,
    }
}

fn fonts() -> FontSet {
    FontSet::embedded().expect("fonts")
}

fn render(d: &Document) -> Vec<u8> {
    oversight::render::pdf::render(d, &fonts()).expect("render")
}

fn layout(d: &Document) -> Layout {
    oversight::render::pdf::layout(d, &fonts())
}

fn cell(text: &str) -> Cell {
    Cell {
        text: text.to_string(),
        bold: false,
        colour: None,
    }
}

fn table(rows: usize) -> Block {
    Block::Table(Table {
        columns: vec![
            Column {
                header: "№".into(),
                width: 0.6,
                align: Align::Left,
                whole_lines: false,
            },
            Column {
                header: "Запитання".into(),
                width: 4.0,
                align: Align::Left,
                whole_lines: false,
            },
            Column {
                header: "Бал".into(),
                width: 0.8,
                align: Align::Right,
                whole_lines: false,
            },
            Column {
                header: "Рівень".into(),
                width: 0.8,
                align: Align::Center,
                whole_lines: false,
            },
        ],
        rows: (0..rows)
            .map(|i| Row {
                cells: vec![
                    cell(&format!("{}", i + 1)),
                    cell(&format!(
                        "Чи проводяться регулярні незалежні аудити оборонних закупівель? Питання {}",
                        i + 1
                    )),
                    cell(&format!("{}", (i * 37) % 100)),
                    Cell {
                        text: "B".into(),
                        bold: true,
                        colour: Some(Rgb(0x7c, 0xb3, 0x42)),
                    },
                ],
                shade: (i % 2 == 1).then_some(Rgb(0xf7, 0xf8, 0xfa)),
                note: None,
            })
            .collect(),
    })
}

fn texts(layout: &Layout, page: usize) -> Vec<(f32, f32, f32, Role, String)> {
    layout.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text {
                x,
                y,
                width,
                role,
                text,
                ..
            } => Some((*x, *y, *width, *role, text.clone())),
            _ => None,
        })
        .collect()
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdftotext(bytes: &[u8]) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is missing on CI: .ci/run must install poppler-utils"
        );
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; apt-get install poppler-utils");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    Some(String::from_utf8(out.stdout).expect("utf-8 text"))
}

#[test]
fn render_is_deterministic() {
    let d = doc(vec![
        Block::Heading {
            level: 1,
            text: "Розділ".into(),
            contents: true,
        },
        Block::Paragraph {
            text: UK_PARA_1.into(),
            style: TextStyle::Normal,
        },
        table(40),
    ]);
    let a = render(&d);
    // Another document in between moves printpdf's global id counter.
    let _ = render(&doc(vec![table(3)]));
    let b = render(&d);
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "two renders of one document differ");
}

#[test]
fn ukrainian_text_extracts_intact() {
    let d = doc(vec![
        Block::Title {
            text: "Звіт про самооцінку".into(),
            subtitle: None,
        },
        Block::Paragraph {
            text: UK_PARA_1.into(),
            style: TextStyle::Normal,
        },
        Block::Paragraph {
            text: UK_PARA_2.into(),
            style: TextStyle::Muted,
        },
        Block::Table(Table {
            columns: vec![
                Column {
                    header: "Запитання".into(),
                    width: 1.0,
                    align: Align::Left,
                    whole_lines: false,
                },
                Column {
                    header: "Коментар".into(),
                    width: 1.0,
                    align: Align::Left,
                    whole_lines: false,
                },
            ],
            rows: vec![Row {
                cells: vec![cell("Чи є план слухань?"), cell("Так, затверджений")],
                shade: None,
                note: None,
            }],
        }),
    ]);
    let bytes = render(&d);
    let Some(text) = pdftotext(&bytes) else {
        return;
    };
    let flat = normalise(&text);
    for s in [
        UK_PARA_1,
        UK_PARA_2,
        "Чи є план слухань?",
        "Так, затверджений",
        "Запитання",
        "Сторінка 1 з 1",
    ] {
        assert!(flat.contains(s), "{s:?} not found in extracted text:\n{text}");
    }
}

#[test]
fn long_ukrainian_table_extracts_with_footer_totals() {
    let d = doc(vec![table(120)]);
    let pages = layout(&d).pages.len();
    assert!(pages > 1);
    let bytes = render(&d);
    let Some(text) = pdftotext(&bytes) else {
        return;
    };
    let flat = normalise(&text);
    assert!(flat.contains(&format!("Сторінка 1 з {pages}")), "{flat}");
    assert!(flat.contains(&format!("Сторінка {pages} з {pages}")));
    assert!(flat.contains("Чи проводяться регулярні незалежні аудити оборонних закупівель? Питання 120"));
}

#[test]
fn page_count_grows_with_content() {
    let small = layout(&doc(vec![table(10)]));
    let large = layout(&doc(vec![table(300)]));
    assert_eq!(small.pages.len(), 1);
    assert!(large.pages.len() > 5, "{} pages", large.pages.len());
}

#[test]
fn nothing_overflows_the_margins() {
    let long_word = "Надзвичайнодовгенерозривнеслово".repeat(12);
    let long_text = format!(
        "{} {} {}",
        "Дуже довгий текст комірки, що має переноситися на багато рядків. ".repeat(60),
        long_word,
        "end"
    );
    let d = doc(vec![
        Block::Title {
            text: format!("Title {long_word}"),
            subtitle: Some(long_word.clone()),
        },
        Block::KeyValues(vec![(long_word.clone(), long_text.clone())]),
        Block::Heading {
            level: 2,
            text: long_word.clone(),
            contents: true,
        },
        Block::Paragraph {
            text: format!("{long_text}\n{long_word}"),
            style: TextStyle::Normal,
        },
        Block::Table(Table {
            columns: vec![
                Column {
                    header: long_word.clone(),
                    width: 1.0,
                    align: Align::Right,
                    whole_lines: false,
                },
                Column {
                    header: "B".into(),
                    width: 2.0,
                    align: Align::Center,
                    whole_lines: false,
                },
                Column {
                    header: "C".into(),
                    width: 0.0,
                    align: Align::Left,
                    whole_lines: false,
                },
            ],
            rows: vec![
                Row {
                    cells: vec![cell(&long_word), cell(&long_text), cell(&long_word)],
                    shade: Some(Rgb(240, 240, 240)),
                    note: None,
                },
                // A row far taller than a page: must be split, never overflow.
                Row {
                    cells: vec![cell(&long_text.repeat(4)), cell("x"), cell(&long_word)],
                    shade: None,
                    note: None,
                },
            ],
        }),
        Block::BarChart(BarChart {
            title: long_word.clone(),
            bars: vec![
                Bar {
                    label: long_word.clone(),
                    value: Some(250.0),
                    colour: Rgb(10, 20, 30),
                    annotation: long_word.clone(),
                },
                Bar {
                    label: "none".into(),
                    value: None,
                    colour: Rgb(10, 20, 30),
                    annotation: long_word.clone(),
                },
            ],
            max: 100.0,
            marks: vec![50.0],
        }),
        Block::Badge {
            code: long_word.clone(),
            label: long_text.clone(),
            colour: Rgb(200, 40, 40),
        },
    ]);
    let layout = layout(&d);
    assert!(layout.pages.len() > 3);
    let right = PAGE_WIDTH - MARGIN_RIGHT;
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    bold,
                    text,
                    width,
                    role,
                    ..
                } => {
                    let measured = oversight::render::pdf::text_width_mm(&fonts(), text, *size, *bold);
                    assert!((measured - width).abs() < EPS, "{text}: {measured} vs {width}");
                    assert!(*x >= MARGIN_LEFT - EPS, "page {p}: {text:?} starts at {x}");
                    assert!(
                        x + measured <= right + EPS,
                        "page {p}: {text:?} ends at {}",
                        x + measured
                    );
                    let size_mm = size * 25.4 / 72.0;
                    let ascent = 0.93 * size_mm;
                    let descent = 0.24 * size_mm;
                    assert!(y + ascent <= CONTENT_TOP + EPS, "page {p}: {text:?} above top");
                    if *role != Role::Footer {
                        assert!(
                            y - descent >= CONTENT_BOTTOM - EPS,
                            "page {p}: {text:?} in the footer zone (y {y})"
                        );
                    }
                }
                Item::Rect { x, y, w, h, .. } => {
                    assert!(*x >= MARGIN_LEFT - EPS && x + w <= right + EPS);
                    assert!(
                        *y >= CONTENT_BOTTOM - EPS && y + h <= CONTENT_TOP + EPS,
                        "page {p}: rect {item:?}"
                    );
                }
                Item::Line { x1, x2, .. } => {
                    assert!(*x1 >= MARGIN_LEFT - EPS && *x2 <= right + EPS);
                }
                Item::Polygon(polygon) => {
                    let points = &polygon.points;
                    assert!(
                        points
                            .iter()
                            .all(|(x, _)| *x >= MARGIN_LEFT - EPS && *x <= right + EPS)
                    );
                }
            }
        }
    }
    // And it writes.
    let rendered = oversight::render::pdf::render_with_warnings(&d, &fonts()).expect("render");
    assert!(rendered.bytes.starts_with(b"%PDF-"));
}

#[test]
fn heading_is_never_last_on_a_page() {
    // Headings followed by paragraphs of varied lengths, so that headings
    // fall at every possible height of the page.
    let mut blocks = Vec::new();
    for i in 0..80 {
        blocks.push(Block::Heading {
            level: (i % 3 + 1) as u8,
            text: format!("Розділ {i}"),
            contents: i % 2 == 0,
        });
        if i % 7 == 3 {
            // Two headings in a row.
            blocks.push(Block::Heading {
                level: 3,
                text: format!("Підрозділ {i}"),
                contents: false,
            });
        }
        if i % 11 == 5 {
            blocks.push(table(3 + i % 4));
        } else {
            blocks.push(Block::Paragraph {
                text: "Текст абзацу для перевірки розриву сторінок. ".repeat(1 + (i * 5) % 13),
                style: TextStyle::Normal,
            });
        }
    }
    let layout = layout(&doc(blocks));
    assert!(layout.pages.len() > 5);
    for p in 0..layout.pages.len() {
        let content: Vec<_> = texts(&layout, p)
            .into_iter()
            .filter(|t| t.3 != Role::Footer)
            .collect();
        let last = content.last().expect("page has content");
        assert!(
            !matches!(last.3, Role::Heading(_)),
            "page {p} ends with heading {:?}",
            last.4
        );
    }
    // Bookmarks: the title first, then every heading in page order.
    assert_eq!(layout.bookmarks[0].title, "Звіт про самооцінку");
    assert_eq!(layout.bookmarks.len(), 1 + 80 + 11);
    assert!(
        layout
            .bookmarks
            .windows(2)
            .all(|w| w[0].target.page <= w[1].target.page)
    );
    for b in &layout.bookmarks[1..] {
        let on_page = texts(&layout, b.target.page)
            .iter()
            .any(|t| matches!(t.3, Role::Heading(_)) && t.4 == b.title);
        assert!(on_page, "bookmark {:?} points to the wrong page", b.title);
    }
}

#[test]
fn table_header_repeats_on_every_page() {
    let layout = layout(&doc(vec![table(300)]));
    assert!(layout.pages.len() > 5);
    for p in 0..layout.pages.len() {
        let t = texts(&layout, p);
        let headers: Vec<_> = t.iter().filter(|t| t.3 == Role::TableHeader).collect();
        let cells: Vec<_> = t.iter().filter(|t| t.3 == Role::TableCell).collect();
        assert!(!cells.is_empty(), "page {p} has no rows");
        let names: Vec<&str> = headers.iter().map(|h| h.4.as_str()).collect();
        assert_eq!(names, ["№", "Запитання", "Бал", "Рівень"], "page {p}");
        let header_y = headers.iter().map(|h| h.1).fold(f32::MAX, f32::min);
        assert!(
            cells.iter().all(|c| c.1 < header_y),
            "page {p}: header not on top"
        );
    }
    // Every row is there exactly once.
    let numbers: Vec<String> = (0..layout.pages.len())
        .flat_map(|p| texts(&layout, p))
        .filter(|t| t.3 == Role::TableCell && t.0 < MARGIN_LEFT + 5.0)
        .map(|t| t.4)
        .collect();
    let expected: Vec<String> = (1..=300).map(|i| i.to_string()).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn empty_documents_and_tables_render() {
    let mut empty = doc(Vec::new());
    empty.title.clear();
    empty.author.clear();
    empty.subject.clear();
    empty.footer_left.clear();
    empty.page_label.clear();
    let layout = layout(&empty);
    assert_eq!(layout.pages.len(), 1);
    assert!(layout.bookmarks.is_empty());
    let bytes = render(&empty);
    assert!(bytes.starts_with(b"%PDF-"));

    let tables = doc(vec![
        Block::Table(Table::default()),
        Block::Table(Table {
            columns: vec![Column {
                header: String::new(),
                width: f32::NAN,
                align: Align::Left,
                whole_lines: false,
            }],
            rows: vec![Row::default(), Row::default()],
        }),
        Block::BarChart(BarChart {
            title: String::new(),
            bars: Vec::new(),
            max: 0.0,
            marks: vec![f64::NAN, -5.0, 1e9],
        }),
        Block::KeyValues(Vec::new()),
        Block::Paragraph {
            text: String::new(),
            style: TextStyle::Small,
        },
        Block::Heading {
            level: 0,
            text: String::new(),
            contents: true,
        },
        Block::Spacer(f32::INFINITY),
        Block::Spacer(-3.0),
        Block::PageBreak,
        Block::PageBreak,
    ]);
    let bytes = render(&tables);
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn metadata_carries_the_given_date() {
    let bytes = render(&doc(vec![Block::Paragraph {
        text: "x".into(),
        style: TextStyle::Normal,
    }]));
    let s = String::from_utf8_lossy(&bytes);
    assert!(s.contains("/CreationDate(D:20261128000000Z)"), "no creation date");
    assert!(s.contains("/ModDate(D:20261128000000Z)"), "no modification date");
    assert!(!s.contains("D:1970"));
    assert!(!s.contains("GTS_PDFXVersion"));
}

#[test]
fn fonts_are_embedded_subsets_never_builtin() {
    let rendered = oversight::render::pdf::render_with_warnings(
        &doc(vec![
            Block::Heading {
                level: 1,
                text: "Жирний заголовок".into(),
                contents: true,
            },
            Block::Paragraph {
                text: UK_PARA_1.into(),
                style: TextStyle::Normal,
            },
        ]),
        &fonts(),
    )
    .expect("render");
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let s = String::from_utf8_lossy(&rendered.bytes);
    assert!(!s.contains("/Type1"), "a built-in font was used");
    assert!(s.contains("/FontFile2"));
    assert!(
        s.contains("+DejaVuSans/") || s.contains("+DejaVuSans "),
        "no regular subset"
    );
    assert!(s.contains("+DejaVuSans-Bold"), "no bold subset");
    assert!(s.contains("/Outlines"));
    // Subset: far smaller than the two embedded 700 KB font files.
    assert!(rendered.bytes.len() < 60_000, "{} bytes", rendered.bytes.len());
}

#[test]
fn bars_are_proportional_and_missing_scores_get_a_dash() {
    let colour = Rgb(0x2e, 0x7d, 0x32);
    let d = doc(vec![Block::BarChart(BarChart {
        title: "Оцінки".into(),
        bars: vec![
            Bar {
                label: "Full".into(),
                value: Some(100.0),
                colour,
                annotation: "100.0 A".into(),
            },
            Bar {
                label: "Half".into(),
                value: Some(50.0),
                colour,
                annotation: "50.0 C".into(),
            },
            Bar {
                label: "None".into(),
                value: None,
                colour,
                annotation: String::new(),
            },
        ],
        max: 100.0,
        marks: vec![25.0, 50.0, 70.0, 85.0],
    })]);
    let layout = layout(&d);
    let bars: Vec<f32> = layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { w, fill, .. } if *fill == colour => Some(*w),
            _ => None,
        })
        .collect();
    assert_eq!(bars.len(), 2);
    assert!((bars[0] - 2.0 * bars[1]).abs() < EPS, "{bars:?}");
    let t = texts(&layout, 0);
    assert!(t.iter().any(|t| t.3 == Role::ChartAnnotation && t.4 == "—"));
    for axis in ["0", "25", "50", "70", "85", "100"] {
        assert!(
            t.iter().any(|t| t.3 == Role::ChartAxis && t.4 == axis),
            "axis {axis}"
        );
    }
}

#[test]
fn a_figure_is_drawn_in_its_box_centred_and_scaled_to_fit() {
    use oversight::render::pdf::{Figure, Polygon, Shape, Stroke};
    let red = Rgb(200, 0, 0);
    let figure = |width: f32| {
        Block::Figure(Figure {
            width,
            height: 50.0,
            shapes: vec![
                Shape::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: width,
                    h: 50.0,
                    fill: Rgb(240, 240, 240),
                },
                Shape::Polygon(Polygon {
                    points: vec![(0.0, 50.0), (width / 2.0, 0.0), (width, 50.0)],
                    fill: Some(red),
                    stroke: Some(Stroke {
                        width: 1.0,
                        colour: red,
                    }),
                }),
                Shape::Line {
                    from: (0.0, 25.0),
                    to: (width, 25.0),
                    width: 0.5,
                    colour: red,
                },
                Shape::Label {
                    x: width / 2.0,
                    y: 25.0,
                    text: "Центр".into(),
                    size: 10.0,
                    bold: true,
                    colour: red,
                    anchor: Align::Center,
                },
            ],
        })
    };
    let content = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    for (width, scale) in [(100.0, 1.0), (2.0 * content, 0.5)] {
        let l = layout(&doc(vec![figure(width)]));
        let items = &l.pages[0].items;
        let (x, top, w, h) = items
            .iter()
            .find_map(|i| match i {
                Item::Rect { x, y, w, h, .. } => Some((*x, *y + *h, *w, *h)),
                _ => None,
            })
            .expect("the box");
        assert!((w - width * scale).abs() < EPS && (h - 50.0 * scale).abs() < EPS);
        assert!((x - (MARGIN_LEFT + (content - w) / 2.0)).abs() < EPS, "centred");
        let apex = items
            .iter()
            .find_map(|i| match i {
                Item::Polygon(polygon) => Some(polygon.points[1]),
                _ => None,
            })
            .expect("the triangle");
        assert!(
            (apex.0 - (x + w / 2.0)).abs() < EPS && (apex.1 - top).abs() < EPS,
            "y points down"
        );
        let label = texts(&l, 0)
            .into_iter()
            .find(|t| t.3 == Role::FigureLabel)
            .expect("the label");
        assert!(
            (label.0 + label.2 / 2.0 - (x + w / 2.0)).abs() < EPS,
            "centred on its anchor"
        );
        assert!((label.1 - (top - 25.0 * scale)).abs() < EPS, "on its baseline");
    }
    let bytes = render(&doc(vec![figure(100.0)]));
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_paragraph_of_millions_of_line_breaks_stays_short() {
    let text = format!("start{}end", "\n".repeat(8 << 20));
    let l = layout(&doc(vec![Block::Paragraph {
        text,
        style: TextStyle::Normal,
    }]));
    assert_eq!(l.pages.len(), 1);
    let body: Vec<String> = texts(&l, 0)
        .into_iter()
        .filter(|t| t.3 == Role::Body)
        .map(|t| t.4)
        .collect();
    assert_eq!(body, ["start", "end"]);
}

fn rows_by_page(l: &Layout) -> Vec<Vec<String>> {
    (0..l.pages.len())
        .map(|p| {
            texts(l, p)
                .into_iter()
                .filter(|t| t.3 == Role::TableCell && t.0 < MARGIN_LEFT + 5.0)
                .map(|t| t.4)
                .collect()
        })
        .collect()
}

#[test]
fn a_short_table_stays_whole_and_a_last_row_never_stands_alone() {
    let filler = |lines: usize| Block::Paragraph {
        text: (0..lines)
            .map(|i| format!("рядок {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        style: TextStyle::Normal,
    };
    // Push a table to every height of the first page: a six-row table is never split...
    for lines in 20..48 {
        let l = layout(&doc(vec![filler(lines), table(6)]));
        let pages: Vec<usize> = rows_by_page(&l).iter().map(Vec::len).filter(|n| *n > 0).collect();
        assert_eq!(pages, [6], "{lines} lines before it");
    }
    // ...and a long one never leaves its last row alone on a page.
    for lines in 0..48 {
        let l = layout(&doc(vec![filler(lines), table(25)]));
        let last = rows_by_page(&l)
            .into_iter()
            .rfind(|rows| !rows.is_empty())
            .expect("rows");
        assert!(last.len() >= 2, "{lines} lines before it: {last:?}");
    }
}

#[test]
fn column_widths_follow_the_content() {
    let level = Column {
        header: "Рівень".into(),
        width: 3.0,
        align: Align::Right,
        whole_lines: false,
    };
    let text = Column {
        header: "Показник".into(),
        width: 1.0,
        align: Align::Left,
        whole_lines: false,
    };
    let long = "Бюджет кожного органу сектору безпеки у віданні організації затверджує парламент у складі Державного бюджету, бюджетні програми охоплюють усі видатки сектору безпеки.";
    let d = doc(vec![Block::Table(Table {
        columns: vec![level, text],
        rows: (0..3)
            .map(|i| Row {
                cells: vec![cell(&i.to_string()), cell(long)],
                shade: None,
                note: None,
            })
            .collect(),
    })]);
    let l = layout(&d);
    let cells = texts(&l, 0);
    let text_x = cells.iter().find(|t| t.4 == "Показник").expect("header").0;
    let lines = cells
        .iter()
        .filter(|t| t.3 == Role::TableCell && t.0 >= text_x - EPS)
        .count();
    // The long text gets the room, not the one-digit column with the big share: it wraps to
    // two lines a row, and the level column is no wider than twice its header word needs.
    assert_eq!(lines, 3 * 2, "{cells:#?}");
    let word = oversight::render::pdf::text_width_mm(&fonts(), "Рівень", 9.0, true);
    let level_w = text_x - MARGIN_LEFT;
    assert!(
        level_w < 2.0 * word,
        "the level column is {level_w} mm for a {word} mm word"
    );
}

#[test]
fn a_column_of_labels_keeps_each_line_whole_and_a_note_runs_under_the_row() {
    let long = "Бюджет кожного органу сектору безпеки у віданні організації затверджує парламент у складі Державного бюджету, бюджетні програми охоплюють усі видатки сектору безпеки.";
    let column = |header: &str, whole_lines: bool| Column {
        header: header.into(),
        width: 1.0,
        align: Align::Left,
        whole_lines,
    };
    let note = "Пояснення зміни: підрозділ укомплектовано на 92 %, звіти подають щокварталу · Не можна порівняти безпосередньо: змінено шкалу відповідей";
    let d = doc(vec![Block::Table(Table {
        columns: vec![
            column("Код", false),
            column("Індикатор", false),
            column("Попередня", true),
            column("Поточна", true),
        ],
        rows: vec![Row {
            cells: vec![
                cell("ovs-1"),
                cell(long),
                cell("3 — Відстежуваний\n75,0 B"),
                cell("2 — Впроваджений\n50,0 C"),
            ],
            shade: None,
            note: Some(note.into()),
        }],
    })]);
    let l = layout(&d);
    let cells: Vec<_> = texts(&l, 0)
        .into_iter()
        .filter(|t| t.3 == Role::TableCell)
        .collect();
    // each level stays on one line: no piece of a label, no hyphen
    for level in ["3 — Відстежуваний", "2 — Впроваджений"] {
        assert!(
            cells.iter().any(|t| t.4 == level),
            "{level} on one line: {cells:#?}"
        );
    }
    let levels_x = cells.iter().find(|t| t.4.starts_with("3 — ")).expect("a level").0;
    assert!(
        !cells.iter().any(|t| t.0 >= levels_x - EPS && t.4.ends_with('-')),
        "no label is hyphenated: {cells:#?}"
    );
    // the note starts under the second column, below every line of the cells, on whole lines
    let second = cells
        .iter()
        .find(|t| t.4.starts_with("Бюджет"))
        .expect("the text")
        .0;
    // (y grows up the page: the lowest line of the cells has the smallest y)
    let lowest_cell = cells
        .iter()
        .filter(|t| !note.contains(t.4.as_str()))
        .map(|t| t.1)
        .fold(f32::MAX, f32::min);
    let note_lines: Vec<_> = cells
        .iter()
        .filter(|t| note.contains(t.4.trim_end_matches('-')))
        .collect();
    assert!(note_lines.len() >= 2, "{cells:#?}");
    assert!(
        note_lines
            .iter()
            .all(|t| (t.0 - second).abs() < EPS && t.1 < lowest_cell),
        "{cells:#?}"
    );
    assert!(note_lines[0].4.starts_with("Пояснення зміни:"));
}
