//! What makes the PDF an archival document: PDF 1.7, the document language (`/Lang`), the
//! Info dictionary and the same facts as XMP metadata identifying the file as PDF/A-2b, an
//! sRGB output intent (the colours are device RGB), and a document id derived from the content.
//!
//! printpdf 0.12 has PDF/A conformance names but writes a PDF/X identification, a CMYK output
//! intent and no `pdfaid` schema, so these parts are written here, into the lopdf document.
//! What PDF/A-2b asks of the rest of the file (every font embedded, no `.notdef` glyph shown,
//! printable annotations, no transparency, no encryption) the engine does by construction;
//! docs/pdf.md says what is and is not met.

use lopdf::{Dictionary, Object, Stream, StringFormat};

use super::Document;
use super::outline::text_string;

/// The sRGB profile of the output intent (zlib licence, see `LICENSE-sRGB.txt` beside it).
static SRGB_ICC: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icc/sRGB.icc"));

const CREATOR: &str = "oversight";
const PRODUCER: &str = "oversight (printpdf)";

/// Sets the version, language, metadata, output intent and id of `lo`.
pub(super) fn write(lo: &mut lopdf::Document, doc: &Document, hash: u64) -> lopdf::Result<()> {
    lo.version = "1.7".to_owned();
    // printpdf's Info dictionary claims PDF/X: replace it.
    if let Ok(old) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.objects.remove(&old);
    }
    let info = lo.add_object(info(doc));
    lo.trailer.set("Info", Object::Reference(info));
    let id = format!("{hash:016X}{:016X}", hash.rotate_left(32) ^ 0x5851_f42d_4c95_7f2d);
    let id = Object::String(id.into_bytes(), StringFormat::Literal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let mut xmp = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(doc).into_bytes(),
    );
    // PDF/A: the metadata stays readable without decoding.
    xmp.allows_compression = false;
    let xmp = lo.add_object(xmp);
    let profile = lo.add_object(Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB_ICC.to_vec(),
    ));
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        ("RegistryName", Object::string_literal("http://www.color.org")),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog = lo.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(doc.lang.as_str()));
    catalog.set("Metadata", Object::Reference(xmp));
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    Ok(())
}

/// The Info dictionary, matching the XMP metadata entry for entry.
fn info(doc: &Document) -> Dictionary {
    let date = Object::string_literal(format!("D:{}000000Z", doc.date.format("%Y%m%d")));
    let mut info = Dictionary::new();
    for (key, value) in [
        ("Title", doc.title.as_str()),
        ("Author", doc.author.as_str()),
        ("Subject", doc.subject.as_str()),
    ] {
        if !value.is_empty() {
            info.set(key, text_string(value));
        }
    }
    info.set("Creator", Object::string_literal(CREATOR));
    info.set("Producer", Object::string_literal(PRODUCER));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info
}

/// The XMP packet: Dublin Core title, creator, description and language, the dates, the
/// tools, and the PDF/A-2b identification.
fn xmp(doc: &Document) -> String {
    let date = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    let alt = |tag: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!(
                "<{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>",
                escape(value)
            )
        }
    };
    let creator = if doc.author.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            escape(&doc.author)
        )
    };
    format!(
        concat!(
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "<rdf:Description rdf:about=\"\"\n",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n",
            " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "{title}\n{creator}\n{description}\n",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n",
            "<xmp:CreatorTool>{tool}</xmp:CreatorTool>\n",
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n",
            "<xmp:ModifyDate>{date}</xmp:ModifyDate>\n",
            "<xmp:MetadataDate>{date}</xmp:MetadataDate>\n",
            "<pdf:Producer>{producer}</pdf:Producer>\n",
            "<pdfaid:part>2</pdfaid:part>\n",
            "<pdfaid:conformance>B</pdfaid:conformance>\n",
            "</rdf:Description>\n",
            "</rdf:RDF>\n",
            "</x:xmpmeta>\n",
            "<?xpacket end=\"w\"?>"
        ),
        title = alt("dc:title", &doc.title),
        creator = creator,
        description = alt("dc:description", &doc.subject),
        lang = escape(&doc.lang),
        tool = CREATOR,
        date = date,
        producer = PRODUCER,
    )
}

/// `text` as XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_special_characters_are_escaped() {
        assert_eq!(escape("a<b & \"c\">\u{7}"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
