//! Merging one person's per-article records into the person the API shows.
//!
//! Every store keeps what the extractor found about a person in each article, and merges
//! those records the same way when answering, so that a person reads identically whichever
//! store holds them.

use std::collections::HashMap;

use crate::model::Person;

/// People merged by id over `people`, each given with the id of the article it was drawn from,
/// in article list order (newest first): the longest name wins (the first of equally long ones)
/// and the others become aliases; aliases and roles are unions; mention counts add up. The
/// result is in people list order: mention count (most first), then name, then id.
pub(crate) fn merge_people<'a>(
    people: impl IntoIterator<Item = (&'a str, &'a Person)>,
) -> Vec<Person> {
    let mut merged: Vec<Person> = Vec::new();
    let mut pos: HashMap<String, usize> = HashMap::new();
    for (article_id, p) in people {
        let Some(&i) = pos.get(&p.id) else {
            pos.insert(p.id.clone(), merged.len());
            let mut first = p.clone();
            first.article_ids = vec![article_id.to_string()];
            first.aliases.retain(|alias| alias != &first.name);
            dedupe(&mut first.aliases, false);
            dedupe(&mut first.roles, true);
            merged.push(first);
            continue;
        };
        let m = &mut merged[i];
        let mut forms = vec![p.name.clone()];
        forms.extend(p.aliases.iter().cloned());
        if p.name.chars().count() > m.name.chars().count() {
            let old = std::mem::replace(&mut m.name, p.name.clone());
            forms.push(old);
        }
        m.aliases.extend(forms);
        let name = m.name.clone();
        m.aliases.retain(|alias| alias != &name);
        dedupe(&mut m.aliases, false);
        m.roles.extend(p.roles.iter().cloned());
        dedupe(&mut m.roles, true);
        m.mention_count += p.mention_count;
        m.evidence.extend(p.evidence.iter().cloned());
        if !m.article_ids.iter().any(|a| a == article_id) {
            m.article_ids.push(article_id.to_string());
        }
    }
    merged.sort_by(|x, y| {
        y.mention_count
            .cmp(&x.mention_count)
            .then_with(|| x.name.cmp(&y.name))
            .then_with(|| x.id.cmp(&y.id))
    });
    merged
}

/// Drops repeats, keeping the first; `fold_case` treats "Mayor" and "mayor" as one.
fn dedupe(items: &mut Vec<String>, fold_case: bool) {
    let mut seen: Vec<String> = Vec::new();
    items.retain(|item| {
        let key = if fold_case {
            item.to_lowercase()
        } else {
            item.clone()
        };
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}
