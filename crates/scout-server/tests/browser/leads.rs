//! CVs in the browser: three files at once, one of them broken — two leads
//! read into fields and one clear failure, each shown on its own — then a
//! lead linked to a role and converted into a candidate.

use scout_ingest::cv::render::{self, CvPerson, Layout};
use scout_store::Role;

use crate::harness::{self, all, find, text};
use crate::helpers::{fixture_talents, spawn_app};
use crate::search::{person, PASSWORD};

#[tokio::test]
async fn three_cvs_one_broken_make_two_leads_and_one_clear_failure_then_one_is_converted() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@acme.test", Role::Recruiter).await;
    let dir = tempfile::tempdir().unwrap();
    let talents = fixture_talents();
    let marie = CvPerson::from_talent(talents[0].clone(), 1);
    let ana = CvPerson::from_talent(talents[2].clone(), 2);
    let files = [
        (
            "marie-dupont.pdf",
            render::pdf(&marie, Layout::Classic).unwrap(),
        ),
        (
            "ana-lopez.docx",
            render::docx(&ana, Layout::Sidebar).unwrap(),
        ),
        ("broken.pdf", b"%PDF-1.7\nthis is not really a PDF".to_vec()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path.to_string_lossy().into_owned());
    }

    let driver = harness::driver().await;
    let browser = harness::browser(&driver, 1280, 800).await;
    harness::sign_in(&browser, &app.address, "ada@acme.test", PASSWORD).await;
    // a role to link and convert to
    browser
        .goto(&format!("{}/projects", app.address))
        .await
        .unwrap();
    find(&browser, "#title")
        .await
        .send_keys("Frontend Engineer")
        .await
        .unwrap();
    find(&browser, "#requirements")
        .await
        .send_keys("frontend engineer with React")
        .await
        .unwrap();
    find(&browser, "form.create button")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, ".board").await;

    browser
        .goto(&format!("{}/leads", app.address))
        .await
        .unwrap();
    find(&browser, ".drop-zone").await;
    harness::assert_accessible(&browser, "leads (empty)").await;
    // the file picker takes several paths at once, one per line
    find(&browser, "#files")
        .await
        .send_keys(&paths.join("\n"))
        .await
        .unwrap();
    find(&browser, "form.upload button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    for _ in 0..200 {
        if all(&browser, "ol.files li.file.parsed, ol.files li.file.failed")
            .await
            .len()
            == 3
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let parsed = all(&browser, "ol.files li.file.parsed").await;
    let failed = all(&browser, "ol.files li.file.failed").await;
    assert_eq!(
        (parsed.len(), failed.len()),
        (2, 1),
        "{}",
        text(&browser).await
    );
    let failure = failed[0].text().await.unwrap();
    assert!(
        failure.contains("broken.pdf") && failure.contains("could not be read"),
        "{failure}"
    );
    let rows = text(&browser).await;
    assert!(
        rows.contains("Marie Dupont") && rows.contains("Ana Lopez"),
        "{rows}"
    );
    harness::screenshot(&browser, "leads-1280").await;
    harness::assert_fits_the_width(&browser, "leads").await;
    harness::assert_accessible(&browser, "leads (uploaded)").await;

    // the lead's page: what was read; link with a fit score, then convert
    find(&browser, "ol.files li.file.parsed a")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "#read-title").await;
    harness::screenshot(&browser, "lead-1280").await;
    harness::assert_accessible(&browser, "lead").await;
    find(&browser, "button[value=link]")
        .await
        .click()
        .await
        .unwrap();
    harness::wait_for_text(&browser, "resume fit").await;
    find(&browser, "button[value=convert]")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "#stage-title").await;
    let candidate = harness::wait_for_text(&browser, "Frontend Engineer").await;
    assert!(candidate.contains("Frontend Engineer"), "{candidate}");
    assert!(
        candidate.contains("Uploaded"),
        "the candidate stands at the upload stage: {candidate}"
    );
    // the lead list holds the three files' leads, the failure included
    browser
        .goto(&format!("{}/leads", app.address))
        .await
        .unwrap();
    assert_eq!(all(&browser, "table.grid tbody tr").await.len(), 3);
    browser.close().await.unwrap();
}
