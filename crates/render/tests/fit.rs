//! Page-budget tests: an overlong resume is cut to fit, in the documented order, without ever
//! touching the header, the latest role or education, and never below 9.5 pt.

mod common;

use common::{fixture, renderer};
use jobwise_render::{
    Document, DropReason, Line, MIN_FONT_SIZE, PaperSize, Ranking, Template, fit_to_pages,
};

fn long_resume() -> Document {
    let mut doc = fixture("resume.json");
    let Document::Resume(r) = &mut doc else {
        unreachable!()
    };
    let template = r.experience[1].clone();
    for i in 0..5 {
        let mut e = template.clone();
        e.company.text = format!("Company {i}");
        e.source_id = format!("e-old-{i}");
        e.bullets = (0..6)
            .map(|j| {
                Line::sourced(
                    format!("Delivered project {i}.{j} that improved throughput of the billing pipeline by {j}0% for 20 customers."),
                    "bullet",
                    format!("b-{i}-{j}"),
                    "text",
                )
            })
            .collect();
        r.experience.push(e);
    }
    doc
}

#[test]
fn fitting_short_resume_drops_nothing() {
    let doc = fixture("resume.json");
    let out = fit_to_pages(
        renderer(),
        &doc,
        Template::AtsOptimized,
        PaperSize::A4,
        1,
        &Ranking::new(),
    )
    .unwrap();
    assert!(out.fits);
    assert!(out.dropped.is_empty());
    assert_eq!(out.document, doc);
    assert_eq!(out.pdf.page_count, 1);
}

#[test]
fn long_resume_is_cut_to_one_page() {
    let doc = long_resume();
    let before = renderer()
        .render_pdf(&doc, Template::AtsOptimized, PaperSize::A4)
        .unwrap()
        .page_count;
    assert!(before >= 2, "fixture must overflow, got {before}");
    // Bullet b-0-5 is highly ranked: it must outlive unranked extra bullets.
    let ranking = Ranking::new().with("b-0-5", 95.0);
    let out = fit_to_pages(
        renderer(),
        &doc,
        Template::AtsOptimized,
        PaperSize::A4,
        1,
        &ranking,
    )
    .unwrap();
    let reasons: Vec<_> = out.dropped.iter().map(|d| d.reason).collect();
    eprintln!("font {} pt, dropped {reasons:?}", out.font_size);
    assert!(out.fits, "dropped: {:#?}", out.dropped);
    assert_eq!(out.pdf.page_count, 1);
    assert!(out.font_size >= MIN_FONT_SIZE);
    assert!(!out.dropped.is_empty());
    // Extra bullets go first.
    assert_eq!(out.dropped[0].reason, DropReason::ExtraBullet);
    let (Document::Resume(orig), Document::Resume(cut)) = (&doc, &out.document) else {
        unreachable!()
    };
    assert_eq!(cut.header, orig.header);
    // The latest role stays, with at least its first two bullets.
    let (latest, orig_latest) = (&cut.experience[0], &orig.experience[0]);
    assert_eq!(
        (&latest.title, &latest.company, &latest.start_date),
        (
            &orig_latest.title,
            &orig_latest.company,
            &orig_latest.start_date
        )
    );
    assert_eq!(latest.bullets[..2], orig_latest.bullets[..2]);
    assert_eq!(cut.education.len(), orig.education.len());
    for e in &cut.experience {
        assert!(!e.bullets.is_empty());
    }
    // Everything reported as dropped is really gone.
    let remaining = serde_json::to_string(&out.document).unwrap();
    for d in &out.dropped {
        if d.reason == DropReason::ExtraBullet {
            let text = d.text.split_once(": ").unwrap().1;
            assert!(!remaining.contains(text), "{text}");
        }
    }
    let ranked_kept = cut
        .experience
        .iter()
        .flat_map(|e| &e.bullets)
        .any(|b| b.text.contains("project 0.5"));
    let role_dropped = !cut.experience.iter().any(|e| e.source_id == "e-old-0");
    assert!(
        ranked_kept || role_dropped,
        "a top-ranked bullet outlives unranked ones: {:#?}",
        out.dropped
    );
}

#[test]
fn two_page_budget_keeps_more() {
    let doc = long_resume();
    let one = fit_to_pages(
        renderer(),
        &doc,
        Template::Modern,
        PaperSize::Letter,
        1,
        &Ranking::new(),
    )
    .unwrap();
    let two = fit_to_pages(
        renderer(),
        &doc,
        Template::Modern,
        PaperSize::Letter,
        2,
        &Ranking::new(),
    )
    .unwrap();
    assert!(two.fits && two.pdf.page_count <= 2);
    assert!(two.dropped.len() < one.dropped.len());
}
