//! The document outline (bookmarks) nested by heading level, in reading order, and the link
//! annotations of the pages, written into the lopdf document printpdf builds (printpdf's own
//! bookmarks are flat and sorted by page and title).

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::fonts::MM_PER_PT;
use super::{Bookmark, Layout, Target};

/// Adds the links of every page and the outline of `layout` to `lo`.
pub(super) fn write(lo: &mut lopdf::Document, layout: &Layout) -> lopdf::Result<()> {
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    for (page, &page_id) in layout.pages.iter().zip(&pages) {
        if page.links.is_empty() {
            continue;
        }
        let annots: Vec<Object> = page
            .links
            .iter()
            .filter_map(|link| {
                let dest = destination(&pages, link.target)?;
                let rect = [link.x, link.y, link.x + link.w, link.y + link.h]
                    .map(|mm| Object::Real(mm / MM_PER_PT))
                    .to_vec();
                let annot = Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"Annot".to_vec())),
                    ("Subtype", Object::Name(b"Link".to_vec())),
                    ("Rect", Object::Array(rect)),
                    ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
                    // Print: PDF/A wants every annotation printable.
                    ("F", Object::Integer(4)),
                    ("Dest", dest),
                ]);
                Some(Object::Reference(lo.add_object(annot)))
            })
            .collect();
        lo.get_dictionary_mut(page_id)?
            .set("Annots", Object::Array(annots));
    }
    write_outline(lo, &pages, &layout.bookmarks)
}

/// `[page /XYZ null top null]`: the page, scrolled to `target.y`, zoom unchanged.
fn destination(pages: &[ObjectId], target: Target) -> Option<Object> {
    let page = *pages.get(target.page)?;
    Some(Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real(target.y / MM_PER_PT),
        Object::Null,
    ]))
}

/// A PDF text string: UTF-16BE with its byte order mark.
pub(super) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The parent of each bookmark (an index into `bookmarks`), nesting each under the nearest
/// earlier bookmark of a lower level.
fn parents(bookmarks: &[Bookmark]) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    bookmarks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            while stack.last().is_some_and(|&top| bookmarks[top].level >= b.level) {
                stack.pop();
            }
            let parent = stack.last().copied();
            stack.push(i);
            parent
        })
        .collect()
}

fn write_outline(lo: &mut lopdf::Document, pages: &[ObjectId], bookmarks: &[Bookmark]) -> lopdf::Result<()> {
    let bookmarks: Vec<Bookmark> = bookmarks
        .iter()
        .filter(|b| b.target.page < pages.len())
        .cloned()
        .collect();
    if bookmarks.is_empty() {
        return Ok(());
    }
    let parents = parents(&bookmarks);
    let mut top = Vec::new();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); bookmarks.len()];
    for (i, parent) in parents.iter().enumerate() {
        match parent {
            Some(p) => kids[*p].push(i),
            None => top.push(i),
        }
    }
    // Every entry is open, so its count is the number of all its descendants.
    let mut counts = vec![0_i64; bookmarks.len()];
    for i in (0..bookmarks.len()).rev() {
        counts[i] = kids[i].iter().map(|&k| 1 + counts[k]).sum();
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = bookmarks.iter().map(|_| lo.new_object_id()).collect();
    let siblings_of = |i: usize| parents[i].map_or(&top, |p| &kids[p]);
    for (i, bookmark) in bookmarks.iter().enumerate() {
        let siblings = siblings_of(i);
        let at = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut dict = Dictionary::from_iter(vec![
            ("Title", text_string(&bookmark.title)),
            ("Parent", Object::Reference(parents[i].map_or(root, |p| ids[p]))),
        ]);
        if let Some(dest) = destination(pages, bookmark.target) {
            dict.set("Dest", dest);
        }
        if at > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[at - 1]]));
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (kids[i].first(), kids[i].last()) {
            dict.set("First", Object::Reference(ids[first]));
            dict.set("Last", Object::Reference(ids[last]));
            dict.set("Count", Object::Integer(counts[i]));
        }
        lo.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let outlines = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(ids[top[0]])),
        ("Last", Object::Reference(ids[top[top.len() - 1]])),
        ("Count", Object::Integer(bookmarks.len() as i64)),
    ]);
    lo.objects.insert(root, Object::Dictionary(outlines));
    let catalog = lo.catalog_mut()?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bookmark(level: u8) -> Bookmark {
        Bookmark {
            title: String::new(),
            level,
            target: Target { page: 0, y: 0.0 },
        }
    }

    #[test]
    fn bookmarks_nest_under_the_nearest_lower_level() {
        let levels = [1, 1, 2, 3, 3, 2, 1, 3, 2];
        let bookmarks: Vec<Bookmark> = levels.iter().map(|&l| bookmark(l)).collect();
        assert_eq!(
            parents(&bookmarks),
            [
                None,
                None,
                Some(1),
                Some(2),
                Some(2),
                Some(1),
                None,
                Some(6),
                Some(6)
            ]
        );
    }
}
