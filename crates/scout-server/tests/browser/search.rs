//! Signing in, searching, and signing out, as a recruiter would.

use scout_store::{NewPerson, Role};

use crate::harness::{self, find};
use crate::helpers::{spawn_app, TestApp};

pub const PASSWORD: &str = "correct horse battery";

pub async fn person(app: &TestApp, workspace: &str, email: &str, role: Role) {
    let hash = scout_server::web::password::hash_password(PASSWORD).unwrap();
    app.store
        .create_person(&NewPerson {
            workspace: workspace.into(),
            email: email.into(),
            role,
            password_hash: hash,
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_recruiter_signs_in_searches_reads_the_cards_and_signs_out() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@acme.test", Role::Recruiter).await;
    let driver = harness::driver().await;
    let browser = harness::browser(&driver, 1280, 800).await;

    // a page of the app sends a stranger to sign in, and back after
    browser.goto(&format!("{}/", app.address)).await.unwrap();
    find(&browser, "section.sign-in").await;
    harness::screenshot(&browser, "sign-in-1280").await;
    harness::assert_accessible(&browser, "sign-in").await;
    harness::sign_in(&browser, &app.address, "ada@acme.test", PASSWORD).await;

    // the empty state says what to do; `/` focuses the box
    find(&browser, ".search .empty").await;
    harness::assert_accessible(&browser, "search (empty)").await;

    let search_box = find(&browser, "#q").await;
    search_box
        .send_keys("software engineers in Paris with React")
        .await
        .unwrap();
    find(&browser, ".search-box button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let first = find(&browser, "ol.cards li.card").await;
    let (card_ms, paint_ms) = harness::first_card_timing(&browser).await;
    println!(
        "first card painted {card_ms:.1} ms after submit (first contentful paint {paint_ms:.1} ms)"
    );
    assert!(card_ms.is_finite(), "the browser timed the first card");
    assert!(first.text().await.unwrap().contains("Marie Dupont"));
    let chips = harness::all(&browser, "ul.chips li.chip").await;
    assert!(chips.len() >= 3, "job title, place and skill read as chips");
    let page = harness::text(&browser).await;
    assert!(page.contains("1 match ·"), "the exact total: {page}");
    // the words of the prompt each chip came from are marked
    assert!(
        harness::all(&browser, ".prompt-words span[data-chip]")
            .await
            .len()
            >= 3
    );
    // change a chip: widen the place to 50 km
    let place = harness::all(&browser, "ul.chips li.chip").await;
    let mut place_chip = None;
    for c in place {
        if c.text().await.unwrap().starts_with("Location") {
            place_chip = Some(c);
        }
    }
    let place_chip = place_chip.expect("a Location chip");
    place_chip
        .find(fantoccini::Locator::Css("summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let radius = place_chip
        .find(fantoccini::Locator::Css("input[name=radius]"))
        .await
        .unwrap();
    radius.clear().await.unwrap();
    radius.send_keys("50").await.unwrap();
    place_chip
        .find(fantoccini::Locator::Css("button[value=apply]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    harness::wait_for_text(&browser, "Paris · 50 km").await;
    // a bad edit is refused in the document's words; the search before it stays
    let title_chip = find(&browser, "ul.chips li.chip[data-chip='0']").await;
    title_chip
        .find(fantoccini::Locator::Css("summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let value = title_chip
        .find(fantoccini::Locator::Css("input[name=value]"))
        .await
        .unwrap();
    value.clear().await.unwrap();
    value.send_keys(&"x".repeat(600)).await.unwrap();
    title_chip
        .find(fantoccini::Locator::Css("button[value=apply]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let refused = harness::wait_for_text(&browser, "Not changed: filter 1").await;
    assert!(
        refused.contains("Paris · 50 km"),
        "the earlier change is kept: {refused}"
    );
    // the filter panel adds any type; one-click refinements are offered
    find(&browser, "details.add-filter summary")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "#add-type")
        .await
        .select_by_value("LANGUAGE")
        .await
        .unwrap();
    find(&browser, "#add-value")
        .await
        .send_keys("French")
        .await
        .unwrap();
    find(&browser, "details.add-filter button[value=add]")
        .await
        .click()
        .await
        .unwrap();
    harness::wait_for_text(&browser, "LanguageFrench").await;
    assert!(!harness::all(&browser, "ul.refinements a").await.is_empty());
    harness::screenshot(&browser, "search-1280").await;
    harness::assert_fits_the_width(&browser, "search").await;
    harness::assert_accessible(&browser, "search (results)").await;
    browser.set_window_size(1920, 1080).await.unwrap();
    harness::screenshot(&browser, "search-1920").await;

    // scrolling brings more results, none twice
    browser.set_window_size(1280, 800).await.unwrap();
    browser
        .goto(&format!("{}/?q=engineers+in+France", app.address))
        .await
        .unwrap();
    find(&browser, "ol.cards li.card").await;
    let first_page = harness::all(&browser, "ol.cards li.card").await.len();
    assert_eq!(first_page, 20, "a first page of twenty");
    browser
        .execute("window.scrollTo(0, document.body.scrollHeight)", vec![])
        .await
        .unwrap();
    let mut shown = first_page;
    for _ in 0..100 {
        shown = harness::all(&browser, "ol.cards li.card").await.len();
        if shown > first_page {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(shown > first_page, "more cards came as the page scrolled");
    let ids = browser
        .execute(
            "return [...document.querySelectorAll('ol.cards li.card input[name=talent]')].map(i => i.value)",
            vec![],
        )
        .await
        .unwrap();
    let ids: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no card twice: {ids:?}");
    find(&browser, "p.more.hint").await;

    // the keyboard alone adds the focused result to a new list: `l` takes the
    // card and opens the list menu, End picks "New list…", Enter asks for a
    // name, Enter adds
    let first_id = ids[0].to_owned();
    browser
        .execute("document.querySelector('ol.cards li.card').focus()", vec![])
        .await
        .unwrap();
    let typing = |keys: &'static str| {
        let browser = browser.clone();
        async move {
            browser
                .active_element()
                .await
                .unwrap()
                .send_keys(keys)
                .await
                .unwrap()
        }
    };
    typing("l").await;
    let focused = browser
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "add-to-list", "`l` opens the list menu");
    typing("\u{E010}").await; // End
    typing("\u{E007}").await; // Enter
    typing("Keyboard picks\u{E007}").await;
    // the add is a form post the browser is still sending: wait for the
    // list to exist, and for the navigation it starts to end, before
    // going elsewhere (else its answer can land after the next page)
    let workspace = app
        .store
        .workspace_id("acme", false)
        .await
        .unwrap()
        .unwrap();
    let user = app
        .store
        .person_by_email("ada@acme.test")
        .await
        .unwrap()
        .unwrap()
        .0
        .user_id;
    for _ in 0..100 {
        let lists = app.store.list_pools(&workspace, &user).await.unwrap();
        if lists.iter().any(|l| l.name == "Keyboard picks") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    for _ in 0..100 {
        let ready = browser
            .execute("return document.readyState", vec![])
            .await
            .map(|v| v == "complete")
            .unwrap_or(false);
        if ready {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    browser
        .goto(&format!("{}/lists", app.address))
        .await
        .unwrap();
    harness::wait_for_text(&browser, "Keyboard picks").await;
    find(&browser, "table.grid a").await.click().await.unwrap();
    find(&browser, &format!("a[href^=\"/talents/{first_id}\"]")).await;

    // the searches are in the person's history
    browser
        .goto(&format!("{}/history", app.address))
        .await
        .unwrap();
    find(&browser, "table.grid").await;
    let history = harness::text(&browser).await;
    assert!(
        history.contains("software engineers in Paris with React")
            && history.contains("engineers in France"),
        "{history}"
    );
    harness::assert_accessible(&browser, "history").await;
    harness::screenshot(&browser, "history-1280").await;

    // signing out ends the session: the app asks to sign in again
    find(&browser, "header.topbar form button")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "section.sign-in").await;
    browser.goto(&format!("{}/", app.address)).await.unwrap();
    find(&browser, "section.sign-in").await;
    browser.close().await.unwrap();
}
