//! The sourcing flow end to end: search → profile → a new project → the
//! board (keyboard, the card's own form, drag and drop) → the candidate's
//! page → a list → its CSV export; and what a viewer, another workspace
//! and another site may do.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use scout_store::Role;
use serde_json::json;

use crate::harness::{self, all, find, text};
use crate::helpers::spawn_app;
use crate::search::{person, PASSWORD};

async fn stage_of(browser: &fantoccini::Client, card: &str) -> String {
    let v = browser
        .execute(
            "const c = document.getElementById(arguments[0]); return c ? c.closest('.board-column').dataset.stage : null;",
            vec![json!(card)],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or("").to_owned()
}

async fn wait_for_stage(browser: &fantoccini::Client, card: &str, stage: &str) {
    for _ in 0..50 {
        if stage_of(browser, card).await == stage {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "{card} never reached {stage}: it is in {}",
        stage_of(browser, card).await
    );
}

#[tokio::test]
async fn a_recruiter_shortlists_moves_and_exports() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@acme.test", Role::Recruiter).await;
    let driver = harness::driver().await;
    let browser = harness::browser(&driver, 1280, 800).await;
    harness::sign_in(&browser, &app.address, "ada@acme.test", PASSWORD).await;

    // search, then open a profile from its card
    browser
        .goto(&format!("{}/?q=software+engineers+in+France", app.address))
        .await
        .unwrap();
    find(&browser, "ol.cards li.card").await;
    find(&browser, "ol.cards li.card .card-who a")
        .await
        .click()
        .await
        .unwrap();
    // the profile opens in a drawer beside the results, at its own address
    find(&browser, ".drawer article.profile").await;
    assert!(
        !all(&browser, "ol.cards li.card").await.is_empty(),
        "the results stay"
    );
    let profile_url = browser.current_url().await.unwrap().to_string();
    assert!(profile_url.contains("/talents/"), "{profile_url}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await; // the 150 ms fade
    harness::screenshot(&browser, "search-drawer-1280").await;
    harness::assert_accessible(&browser, "search with the profile drawer").await;
    // and the same profile at that address, on its own
    browser.goto(&profile_url).await.unwrap();
    find(&browser, "article.profile").await;
    let profile_text = text(&browser).await;
    assert!(profile_text.contains("Where it matched"), "{profile_text}");
    harness::screenshot(&browser, "profile-1280").await;
    harness::assert_accessible(&browser, "profile").await;
    browser.set_window_size(390, 844).await.unwrap();
    harness::screenshot(&browser, "profile-390").await;
    harness::assert_fits_the_width(&browser, "the profile at 390 px").await;
    browser.set_window_size(1280, 800).await.unwrap();

    // add to a new project from the profile
    find(&browser, "#add-to-project")
        .await
        .select_by_value("new")
        .await
        .unwrap();
    find(&browser, "#new-project-title")
        .await
        .send_keys("Frontend Paris")
        .await
        .unwrap();
    find(&browser, "button[formaction='/projects/add']")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, ".board").await;
    assert!(text(&browser).await.contains("Frontend Paris"));
    let card = find(&browser, ".board-card").await;
    let card_id = card.attr("id").await.unwrap().unwrap();
    assert_eq!(stage_of(&browser, &card_id).await, "TO_BE_CONTACTED");

    // keyboard: focus the card, `]` moves it a stage right
    card.send_keys("]").await.unwrap();
    wait_for_stage(&browser, &card_id, "CONTACTED").await;
    // mouse: the card's own stage menu and its Move button
    let select = find(&browser, &format!("#{card_id} select[name=statusHandle]")).await;
    select.select_by_value("REPLIED").await.unwrap();
    find(&browser, &format!("#{card_id} form.move button"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_stage(&browser, &card_id, "REPLIED").await;
    // drag and drop onto the Interview column with the mouse: real input
    // (WebDriver actions), grabbing the card by its name
    let grabbed = find(&browser, &format!("#{card_id} a[data-open]")).await;
    let target = find(&browser, ".board-column[data-stage=\"INTERVIEW\"] h2").await;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: grabbed,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 12.0,
            y: 8.0,
        })
        .then(PointerAction::MoveToElement {
            element: target,
            duration: Some(Duration::from_millis(250)),
            x: 0.0,
            y: 30.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    browser.perform_actions(drag).await.unwrap();
    browser.release_actions().await.unwrap();
    wait_for_stage(&browser, &card_id, "INTERVIEW").await;
    // the moves are stored: a reload shows the card where it was left
    browser.refresh().await.unwrap();
    find(&browser, ".board").await;
    assert_eq!(stage_of(&browser, &card_id).await, "INTERVIEW");
    harness::screenshot(&browser, "board-1280").await;
    harness::assert_fits_the_width(&browser, "the board").await;
    harness::assert_accessible(&browser, "board").await;
    browser.set_window_size(1920, 1080).await.unwrap();
    harness::screenshot(&browser, "board-1920").await;
    browser.set_window_size(1280, 800).await.unwrap();

    // the candidate opens in a drawer beside the board, at its own address
    find(&browser, &format!("#{card_id} a[data-open]"))
        .await
        .click()
        .await
        .unwrap();
    find(&browser, ".drawer #drawer-stage-title").await;
    assert!(!all(&browser, ".board").await.is_empty(), "the board stays");
    assert!(browser
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("/candidates/"));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await; // the 150 ms fade
    harness::screenshot(&browser, "drawer-1280").await;
    harness::assert_accessible(&browser, "board with the drawer").await;
    // Esc closes it; the page of its own holds the same
    find(&browser, "body")
        .await
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    for _ in 0..50 {
        if all(&browser, ".drawer #drawer-stage-title")
            .await
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        all(&browser, ".drawer #drawer-stage-title")
            .await
            .is_empty(),
        "Esc closes the drawer"
    );
    // the candidate's page: history of the three moves, a note, a rating
    browser
        .goto(&format!(
            "{}/candidates/{}",
            browser
                .current_url()
                .await
                .unwrap()
                .as_str()
                .trim_end_matches('/'),
            card_id.trim_start_matches("card-")
        ))
        .await
        .unwrap();
    find(&browser, "#stage-title").await;
    find(&browser, "#note")
        .await
        .send_keys("Strong React portfolio")
        .await
        .unwrap();
    find(&browser, "form.note button")
        .await
        .click()
        .await
        .unwrap();
    harness::wait_for_text(&browser, "added a note").await;
    find(&browser, "#rating")
        .await
        .select_by_value("4")
        .await
        .unwrap();
    find(&browser, "form.inline button")
        .await
        .click()
        .await
        .unwrap();
    let page = harness::wait_for_text(&browser, "rated 4 of 5").await;
    for want in [
        "moved from To be contacted to Contacted",
        "moved from Contacted to Replied",
        "moved from Replied to Interview",
        "Strong React portfolio",
        "rated 4 of 5",
    ] {
        assert!(page.contains(want), "{want} in the history: {page}");
    }
    harness::screenshot(&browser, "candidate-1280").await;
    harness::assert_accessible(&browser, "candidate").await;

    // the table view, sorted by name
    let board_url = browser
        .current_url()
        .await
        .unwrap()
        .as_str()
        .split("/candidates/")
        .next()
        .unwrap()
        .to_owned();
    browser
        .goto(&format!("{board_url}?view=table&sort=name"))
        .await
        .unwrap();
    find(&browser, "table.grid tbody tr").await;
    harness::assert_accessible(&browser, "table").await;
    harness::screenshot(&browser, "table-1280").await;
    harness::assert_fits_the_width(&browser, "the table").await;

    // select two results with `x` and put them in a new list
    browser
        .goto(&format!("{}/?q=software+engineers+in+France", app.address))
        .await
        .unwrap();
    find(&browser, "ol.cards li.card").await;
    let body = find(&browser, "body").await;
    body.send_keys("j").await.unwrap();
    body.send_keys("x").await.unwrap();
    body.send_keys("j").await.unwrap();
    body.send_keys("x").await.unwrap();
    assert_eq!(all(&browser, "input[name=talent]:checked").await.len(), 2);
    find(&browser, "#add-to-list")
        .await
        .select_by_value("new")
        .await
        .unwrap();
    find(&browser, "#new-list-name")
        .await
        .send_keys("Paris shortlist")
        .await
        .unwrap();
    find(&browser, "button[formaction='/lists/add']")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "a[href$='export.csv']").await;
    assert_eq!(all(&browser, "ol.cards li.card").await.len(), 2);
    harness::screenshot(&browser, "list-1280").await;
    harness::assert_accessible(&browser, "list").await;
    let csv = browser
        .execute_async(
            "const done = arguments[0]; fetch(document.querySelector(\"a[href$='export.csv']\").href).then(r => r.text()).then(done);",
            vec![],
        )
        .await
        .unwrap();
    let csv = csv.as_str().unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "id,firstname,lastname,jobTitle,companyName,city,country,linkedinUrl"
    );
    assert_eq!(rows.len(), 3, "{csv}");

    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_viewer_reads_but_changes_nothing_and_other_workspaces_and_sites_get_nowhere() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@acme.test", Role::Recruiter).await;
    person(&app, "acme", "vic@acme.test", Role::Viewer).await;
    person(&app, "globex", "gus@globex.test", Role::Admin).await;
    let driver = harness::driver().await;
    let browser = harness::browser(&driver, 1280, 800).await;

    // Ada makes a project and a list
    harness::sign_in(&browser, &app.address, "ada@acme.test", PASSWORD).await;
    browser
        .goto(&format!("{}/projects", app.address))
        .await
        .unwrap();
    find(&browser, "#title")
        .await
        .send_keys("Backend Lyon")
        .await
        .unwrap();
    find(&browser, "form.create button")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, ".board").await;
    let project_url = browser.current_url().await.unwrap().to_string();
    browser
        .goto(&format!("{}/?q=backend+engineers+in+Paris", app.address))
        .await
        .unwrap();
    find(&browser, "ol.cards li.card input[name=talent]")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "#add-to-list")
        .await
        .select_by_value("new")
        .await
        .unwrap();
    find(&browser, "#new-list-name")
        .await
        .send_keys("Ada's list")
        .await
        .unwrap();
    find(&browser, "button[formaction='/lists/add']")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "a[href$='export.csv']").await;
    let list_url = browser.current_url().await.unwrap().to_string();
    // bad input keeps what was typed and says why next to the field
    browser
        .goto(&format!("{}/projects", app.address))
        .await
        .unwrap();
    find(&browser, "#salary-min")
        .await
        .send_keys("90000")
        .await
        .unwrap();
    find(&browser, "#salary-max")
        .await
        .send_keys("50000")
        .await
        .unwrap();
    find(&browser, "form.create button")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, ".field-problem").await;
    let refused = text(&browser).await;
    assert!(
        refused.contains("max must be greater than or equal to min"),
        "{refused}"
    );
    assert_eq!(
        find(&browser, "#salary-min")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("90000")
    );
    harness::screenshot(&browser, "projects-1280").await;
    harness::assert_accessible(&browser, "projects").await;

    // a forged cross-site form is refused, and nothing is created
    let forged = format!(
        "data:text/html,<form method=post action='{}/projects'><input name=title value=Forged><input name=_csrf value=x></form><script>document.forms[0].submit()</script>",
        app.address
    );
    browser.goto(&forged).await.unwrap();
    // the browser keeps the SameSite cookie back (so the post arrives
    // signed out); were it sent, the Origin and token checks refuse it
    find(&browser, "section.sign-in, section.notice").await;
    browser
        .goto(&format!("{}/projects", app.address))
        .await
        .unwrap();
    assert!(!text(&browser).await.contains("Forged"));
    find(&browser, "header.topbar form button")
        .await
        .click()
        .await
        .unwrap();

    // the viewer sees the project and the list, with nothing to change
    harness::sign_in(&browser, &app.address, "vic@acme.test", PASSWORD).await;
    browser.goto(&project_url).await.unwrap();
    find(&browser, ".board").await;
    assert!(all(&browser, "form.move").await.is_empty());
    browser.goto(&list_url).await.unwrap();
    find(&browser, "a[href$='export.csv']").await;
    assert!(all(&browser, "input[name=talent]").await.is_empty());
    // and a change sent anyway (a stale page, a hand-made request) is refused
    let status = browser
        .execute_async(
            "const done = arguments[0]; const csrf = document.querySelector('meta[name=csrf-token]').content; \
             fetch(location.pathname, {method: 'POST', body: new URLSearchParams({_csrf: csrf, action: 'delete'})}).then(r => done(r.status));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(status, json!(403));
    browser.goto(&list_url).await.unwrap();
    find(&browser, "a[href$='export.csv']").await;
    find(&browser, "header.topbar form button")
        .await
        .click()
        .await
        .unwrap();

    // another workspace: the same addresses are "not found" pages, like ids that never existed
    harness::sign_in(&browser, &app.address, "gus@globex.test", PASSWORD).await;
    for url in [
        &project_url,
        &list_url,
        &format!("{list_url}/export.csv"),
        &format!("{}/projects/src_nope", app.address),
    ] {
        browser.goto(url).await.unwrap();
        find(&browser, "section.notice").await;
        let page = text(&browser).await;
        assert!(page.contains("not found"), "{url}: {page}");
        assert!(!page.contains("Backend Lyon") && !page.contains("Ada's list"));
    }
    harness::assert_accessible(&browser, "not found").await;
    browser
        .goto(&format!("{}/projects", app.address))
        .await
        .unwrap();
    assert!(!text(&browser).await.contains("Backend Lyon"));
    browser
        .goto(&format!("{}/lists", app.address))
        .await
        .unwrap();
    assert!(!text(&browser).await.contains("Ada's list"));
    browser.close().await.unwrap();
}
