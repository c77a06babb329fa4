//! Merging one person's per-article records into the person the API shows.
//!
//! Every store keeps what the extractor found about a person in each article, and merges
//! those records the same way when answering, so that a person reads identically whichever
//! store holds them. A merge is one pass over the records with hash sets for the repeats, so
//! a person named in thousands of articles costs in proportion to their records, not to its
//! square.

use std::collections::{HashMap, HashSet};

use crate::model::Person;

/// People merged by id over `people`, each given with the id of the article it was drawn from,
/// in article list order (newest first): the longest name wins (the first of equally long ones)
/// and the others become aliases; aliases and roles are unions; mention counts add up. The
/// result is in people list order: mention count (most first), then name, then id.
pub(crate) fn merge_people<'a>(
    people: impl IntoIterator<Item = (&'a str, &'a Person)>,
) -> Vec<Person> {
    let mut merged: Vec<MergedPerson> = Vec::new();
    let mut pos: HashMap<&'a str, usize> = HashMap::new();
    for (article_id, p) in people {
        match pos.get(p.id.as_str()) {
            Some(&i) => merged[i].add(article_id, p.clone()),
            None => {
                pos.insert(&p.id, merged.len());
                merged.push(MergedPerson::new(article_id, p.clone()));
            }
        }
    }
    let mut out: Vec<Person> = merged.into_iter().map(MergedPerson::finish).collect();
    out.sort_by(|x, y| {
        y.mention_count
            .cmp(&x.mention_count)
            .then_with(|| x.name.cmp(&y.name))
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// One person's records folded in article list order, as [`merge_people`] folds them.
pub(crate) struct MergedPerson {
    person: Person,
    name_chars: usize,
    aliases_seen: HashSet<String>,
    roles_seen: HashSet<String>,
    articles_seen: HashSet<String>,
}

impl MergedPerson {
    /// Starts from the first record, drawn from article `article_id`.
    pub(crate) fn new(article_id: &str, mut first: Person) -> Self {
        let aliases = std::mem::take(&mut first.aliases);
        let roles = std::mem::take(&mut first.roles);
        first.article_ids = vec![article_id.to_string()];
        let mut m = MergedPerson {
            name_chars: first.name.chars().count(),
            person: first,
            aliases_seen: HashSet::new(),
            roles_seen: HashSet::new(),
            articles_seen: HashSet::from([article_id.to_string()]),
        };
        m.push_aliases(aliases);
        m.push_roles(roles);
        m
    }

    /// Folds in the next record, drawn from article `article_id`.
    pub(crate) fn add(&mut self, article_id: &str, p: Person) {
        let chars = p.name.chars().count();
        let mut forms = Vec::with_capacity(p.aliases.len() + 2);
        forms.push(p.name.clone());
        if chars > self.name_chars {
            let old = std::mem::replace(&mut self.person.name, p.name);
            self.name_chars = chars;
            // The new name may have been an alias until now.
            if self.aliases_seen.remove(&self.person.name) {
                let name = &self.person.name;
                self.person.aliases.retain(|a| a != name);
            }
            forms.extend(p.aliases);
            forms.push(old);
        } else {
            forms.extend(p.aliases);
        }
        self.push_aliases(forms);
        self.push_roles(p.roles);
        self.person.mention_count += p.mention_count;
        self.person.evidence.extend(p.evidence);
        if self.articles_seen.insert(article_id.to_string()) {
            self.person.article_ids.push(article_id.to_string());
        }
    }

    /// The merged person.
    pub(crate) fn finish(self) -> Person {
        self.person
    }

    /// Appends the forms not yet kept, other than the name, first occurrence first.
    fn push_aliases(&mut self, forms: Vec<String>) {
        for form in forms {
            if form != self.person.name && !self.aliases_seen.contains(&form) {
                self.aliases_seen.insert(form.clone());
                self.person.aliases.push(form);
            }
        }
    }

    /// Appends the roles not yet kept, "Mayor" and "mayor" being one.
    fn push_roles(&mut self, roles: Vec<String>) {
        for role in roles {
            if self.roles_seen.insert(role.to_lowercase()) {
                self.person.roles.push(role);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, name: &str, aliases: &[&str], roles: &[&str], mentions: usize) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            mention_count: mentions,
            article_ids: vec!["ignored".into()],
            evidence: Vec::new(),
        }
    }

    /// The fold as first written: repeats dropped by a linear search after each record. The
    /// set-based one must agree with it on every input.
    fn merge_by_search(records: &[(&str, Person)]) -> Person {
        fn dedupe(items: &mut Vec<String>, fold_case: bool) {
            let mut seen: Vec<String> = Vec::new();
            items.retain(|item| {
                let key = if fold_case {
                    item.to_lowercase()
                } else {
                    item.clone()
                };
                let fresh = !seen.contains(&key);
                if fresh {
                    seen.push(key);
                }
                fresh
            });
        }
        let (a0, p0) = &records[0];
        let mut m = p0.clone();
        m.article_ids = vec![a0.to_string()];
        let first_name = m.name.clone();
        m.aliases.retain(|a| a != &first_name);
        dedupe(&mut m.aliases, false);
        dedupe(&mut m.roles, true);
        for (article_id, p) in &records[1..] {
            let mut forms = vec![p.name.clone()];
            forms.extend(p.aliases.iter().cloned());
            if p.name.chars().count() > m.name.chars().count() {
                forms.push(std::mem::replace(&mut m.name, p.name.clone()));
            }
            m.aliases.extend(forms);
            let name = m.name.clone();
            m.aliases.retain(|a| a != &name);
            dedupe(&mut m.aliases, false);
            m.roles.extend(p.roles.iter().cloned());
            dedupe(&mut m.roles, true);
            m.mention_count += p.mention_count;
            if !m.article_ids.iter().any(|a| a == article_id) {
                m.article_ids.push(article_id.to_string());
            }
        }
        m
    }

    #[test]
    fn set_based_fold_agrees_with_the_linear_one() {
        let cases: Vec<Vec<(&str, Person)>> = vec![
            vec![
                (
                    "a",
                    record("j", "Jane Doe", &["Doe", "Jane Doe", "Doe"], &["Mayor"], 2),
                ),
                (
                    "b",
                    record(
                        "j",
                        "Doe",
                        &["Ms Doe", "Jane Q. Doe"],
                        &["mayor", "chair"],
                        1,
                    ),
                ),
                (
                    "b",
                    record("j", "Jane Q. Doe", &["Jane Doe"], &["Chair"], 1),
                ),
                (
                    "c",
                    record("j", "Jane Quinn Doe", &["Jane Q. Doe", "Doe"], &[], 3),
                ),
                (
                    "d",
                    record("j", "Jane Quinn Doh", &["Jane Quinn Doe"], &["CHAIR"], 1),
                ),
            ],
            vec![
                ("a", record("k", "Li", &["Li Wei"], &[], 1)),
                ("b", record("k", "Li Wei", &["Li"], &[], 1)),
                ("c", record("k", "Wei", &["Li Wei", "Dr Li Wei"], &[], 1)),
            ],
        ];
        for records in cases {
            let expected = merge_by_search(&records);
            let merged = merge_people(records.iter().map(|(a, p)| (*a, p)));
            assert_eq!(merged, vec![expected]);
        }
    }

    #[test]
    fn people_come_out_in_list_order() {
        let a = record("a", "Ann", &[], &[], 1);
        let b = record("b", "Bob", &[], &[], 3);
        let c = record("c", "Cy", &[], &[], 1);
        let merged = merge_people([("x", &a), ("x", &b), ("y", &c), ("y", &a)]);
        let ids: Vec<_> = merged
            .iter()
            .map(|p| (p.id.as_str(), p.mention_count))
            .collect();
        assert_eq!(ids, [("b", 3), ("a", 2), ("c", 1)]);
    }
}
