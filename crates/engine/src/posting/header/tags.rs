//! Bracketed tags around a title line, as community job boards that take postings as issues
//! write them: `[São Paulo/Remoto] Desenvolvedor Front-end na [Acme]`, `[REMOTO] Designer
//! [CLT]`, `[Hà Nội] - Acme tuyển dụng lập trình Java`. The tags in front state the place, the
//! arrangement, the contract or the pay; a bracket or a "na"/"no" phrase at the end names the
//! employer.

use super::*;
use crate::posting::text::without_accents;

/// Words of a tag that states the arrangement rather than a place.
const REMOTE_TAGS: &[&str] = &[
    "remote",
    "remoto",
    "remota",
    "home office",
    "homeoffice",
    "anywhere",
    "teletrabajo",
    "100% remoto",
    "100% remote",
    "fully remote",
    "wfh",
];

/// Words of a tag that state the contract, the level or the pay, never an employer.
const DETAIL_TAGS: &[&str] = &[
    "clt",
    "pj",
    "cooperado",
    "freelance",
    "freela",
    "estagio",
    "junior",
    "jr",
    "pleno",
    "senior",
    "sr",
    "hibrido",
    "hybrid",
    "presencial",
    "onsite",
    "on-site",
    "full-time",
    "full time",
    "part-time",
    "part time",
    "contract",
    "temporario",
    "efetivo",
    "urgente",
    "urgent",
];

/// Peels the bracketed tags off the front of a title line and reads what they state into
/// `header` (a place as the location, everything else as a detail for the attribute readers).
/// Returns the rest of the line without the employer named at its end, and that employer. A
/// line without leading tags comes back unchanged.
pub(super) fn peel_leading_tags(line: &str, header: &mut Header) -> (String, Option<String>) {
    let mut rest = line.trim_start();
    let mut tags: Vec<&str> = Vec::new();
    while let Some((inner, after)) = leading_bracket(rest) {
        tags.push(inner);
        rest = after.trim_start();
    }
    // "[Hà Nội] - Acme tuyển dụng …", "[Remoto]: Designer": a separator after the tags.
    rest = rest
        .trim_start_matches(['-', '–', '—', ':', '|'])
        .trim_start();
    if tags.is_empty() || word_count(rest) == 0 {
        // "DESIGNER na [IWWA]": without tags in front, only a bracketed name after "na", "no",
        // "at", "@" or "em" is the employer.
        return match bracketed_employer(line) {
            Some((title, company)) => (title, Some(company)),
            None => (line.to_string(), None),
        };
    }
    for tag in tags {
        read_tag(tag, header);
    }
    trailing_employer(rest)
}

/// "[São Paulo] Estágio em Desenvolvimento Web na influu": a short line that starts with tags
/// is an issue board's title line, whatever words its role is in.
pub(super) fn is_tagged_title(line: &str) -> bool {
    if !line.trim_start().starts_with(['[', '【']) {
        return false;
    }
    let mut header = Header::default();
    let (rest, _) = peel_leading_tags(line, &mut header);
    !header.meta.is_empty() && (1..=12).contains(&word_count(&rest)) && !ends_like_sentence(&rest)
}

/// "[Acme] …", "【Acme】 …": the bracket's text and what follows it.
fn leading_bracket(text: &str) -> Option<(&str, &str)> {
    let (open, close) = match text.chars().next()? {
        '[' => ('[', ']'),
        '【' => ('【', '】'),
        _ => return None,
    };
    let end = text.find(close)?;
    let inner = text[open.len_utf8()..end].trim();
    let after = &text[end + close.len_utf8()..];
    // "[Apply here](https://…)", "[![logo](…)](…)": a Markdown link or image, not a tag.
    let link = after.starts_with('(') || inner.starts_with('!');
    (!inner.is_empty() && !link && word_count(inner) <= 6).then_some((inner, after))
}

/// One leading tag: its place parts become the location (as written, without the
/// arrangement), and the tag itself is kept as a detail for the arrangement, contract and pay
/// readers.
fn read_tag(tag: &str, header: &mut Header) {
    let parts: Vec<&str> = tag.split(['/', '|', ',']).map(str::trim).collect();
    let is_remote = |part: &str| REMOTE_TAGS.contains(&fold(part).as_str());
    let place_parts: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|part| !part.is_empty() && !is_remote(part))
        .collect();
    let first_is_place = place_parts.first().is_some_and(|first| {
        is_place(first)
            || first
                .split_once('-')
                .is_some_and(|(city, _)| is_place(city))
    });
    if first_is_place && place_parts.len() <= 2 {
        header.location.get_or_insert_with(|| place_parts.join("/"));
    }
    header.meta.push(tag.to_string());
}

/// "Designer na [Acme]", "Desenvolvedores Mobile [C&A]", "Estágio Web na influu": the employer
/// at the end of a tagged title line (a bracket that is not a detail tag, or a short name after
/// the Portuguese "na"/"no" or after "@"), with the title before it.
fn trailing_employer(rest: &str) -> (String, Option<String>) {
    let rest = rest.trim();
    if let Some((head, inner)) = closing_bracket(rest) {
        let head = strip_connector(head).to_string();
        return (head, bracketed_name(inner));
    }
    for connector in [" na ", " no ", " @ "] {
        if let Some(at) = rest.rfind(connector) {
            let head = rest[..at].trim();
            let name = rest[at + connector.len()..].trim();
            // "Estágio em Desenvolvimento Web na influu": a one-word brand needs no role noun
            // before it; a longer name is capitalised ("na área de Produto" is a team).
            let named = match word_count(name) {
                1 => true,
                2 | 3 => has_role_word(head) && starts_uppercase(name),
                _ => false,
            };
            let first = fold(name.split_whitespace().next().unwrap_or(""));
            let team_word =
                ["área", "area", "setor", "equipe", "time", "experience"].contains(&first.as_str());
            if named && !team_word && !head.is_empty() && !has_role_word(name) && !is_place(name) {
                return (head.to_string(), Some(name.to_string()));
            }
        }
    }
    (rest.to_string(), None)
}

/// "Role na [Acme]", "Role @ [Acme]": the role and the bracketed name after a connector.
fn bracketed_employer(line: &str) -> Option<(String, String)> {
    let (head, inner) = closing_bracket(line.trim())?;
    let title = strip_connector(head);
    let name = bracketed_name(inner).filter(|_| title.len() < head.len() && !title.is_empty())?;
    Some((title.to_string(), name))
}

/// A bracket's text as an employer's name: not a term ("CLT", "Sênior") and shaped like a name.
fn bracketed_name(inner: &str) -> Option<String> {
    (!is_detail_tag(inner) && plausible_company(inner)).then(|| inner.to_string())
}

/// "Role [Acme]": the text before a bracket that closes the line, and the bracket's text.
fn closing_bracket(line: &str) -> Option<(&str, &str)> {
    let open = line.rfind('[').filter(|&open| open > 0)?;
    let inner = line.strip_suffix(']')?[open + 1..].trim();
    Some((line[..open].trim_end(), inner))
}

/// "Designer na" before a bracketed name: the title without its dangling "na", "no", "at", "@"
/// or "em".
fn strip_connector(head: &str) -> &str {
    for connector in [" na", " no", " at", " @", " em"] {
        if let Some(stripped) = head.strip_suffix(connector) {
            return stripped.trim_end();
        }
    }
    head
}

/// Whether a bracket states a contract, level, pay or arrangement ("CLT até 11k", "Pleno",
/// "R$ 5.000", "Remoto") rather than a name.
fn is_detail_tag(inner: &str) -> bool {
    // "Estágio", "Sênior", "Híbrido": compared without their accents.
    let folded = without_accents(&fold(inner));
    DETAIL_TAGS.contains(&folded.as_str())
        || inner.chars().any(|c| c.is_ascii_digit())
        || inner.contains(['$', '€', '£'])
        || folded
            .split(['/', '|', ',', ' '])
            .any(|word| DETAIL_TAGS.contains(&word) || REMOTE_TAGS.contains(&word))
        || REMOTE_TAGS.contains(&folded.as_str())
        || is_place(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peeled(line: &str) -> (String, Header) {
        let mut header = Header::default();
        let (rest, company) = peel_leading_tags(line, &mut header);
        header.company = company;
        (rest, header)
    }

    #[test]
    fn leading_tags_state_the_place_and_the_details() {
        let (rest, header) = peeled("[São Paulo/Remoto] Front-end/Customer Success na Trustvox");
        assert_eq!(rest, "Front-end/Customer Success");
        assert_eq!(header.location.as_deref(), Some("São Paulo"));
        assert_eq!(header.company.as_deref(), Some("Trustvox"));
        assert_eq!(header.meta, vec!["São Paulo/Remoto".to_string()]);

        let (rest, header) = peeled("[REMOTO] Desenvolvedores Mobile [C&A]");
        assert_eq!(rest, "Desenvolvedores Mobile");
        assert_eq!(header.company.as_deref(), Some("C&A"));
        assert_eq!(header.location, None);

        let (rest, header) = peeled("[remoto] Cientista de Dados Sênior [CLT até 11k]");
        assert_eq!(rest, "Cientista de Dados Sênior");
        assert_eq!(header.company, None);

        let (rest, header) =
            peeled("[Rio de Janeiro] Estágio de desenvolvimento de software na [BigData Corp.]");
        assert_eq!(rest, "Estágio de desenvolvimento de software");
        assert_eq!(header.company.as_deref(), Some("BigData Corp."));
        assert_eq!(header.location.as_deref(), Some("Rio de Janeiro"));
    }

    #[test]
    fn a_line_without_tags_or_a_place_after_na_is_left_alone() {
        let (rest, header) = peeled("Senior Engineer [Remote]");
        assert_eq!(rest, "Senior Engineer [Remote]");
        assert!(header.meta.is_empty());
        let (rest, header) = peeled("[Senior Engineer](https://jobs.example.com/1)");
        assert_eq!(rest, "[Senior Engineer](https://jobs.example.com/1)");
        assert!(header.meta.is_empty());
        // Terms in a closing bracket, with or without accents, and a team after "na".
        for line in [
            "[Remoto] Desenvolvedor Front-end [Estágio]",
            "[Remote] Support Engineer [Full Time]",
            "[Remoto] Designer na área de Produto",
        ] {
            assert_eq!(peeled(line).1.company, None, "{line}");
        }
        let (rest, header) = peeled("DESIGNER na [Pixel Norte]");
        assert_eq!(rest, "DESIGNER");
        assert_eq!(header.company.as_deref(), Some("Pixel Norte"));
        // "no Rio de Janeiro" is where, not who.
        let (rest, header) = peeled("[Remoto] Professor de Inglês no Rio de Janeiro");
        assert_eq!(rest, "Professor de Inglês no Rio de Janeiro");
        assert_eq!(header.company, None);
    }
}
