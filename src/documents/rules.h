// Pure decisions about documents: what a file is, judged by its content and never by its name;
// the names it is offered under. No I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "documents/model.h"

namespace jalon::documents {

// The type of `bytes` when it is one Jalon accepts: PDF ("%PDF-"), PNG, JPEG, WebP ("RIFF" …
// "WEBP"), an OpenDocument text (a ZIP whose first entry "mimetype" is stored and says
// application/vnd.oasis.opendocument.text) or a Word document (a ZIP with word/document.xml
// and a [Content_Types].xml declaring the wordprocessingml main part; macro-enabled ones are
// refused). Otherwise `refusal` says why in French: empty file, program (ELF, Windows "MZ",
// Mach-O, script starting with "#!"), or a type not accepted.
struct Sniffed {
  std::optional<FileType> type;
  std::string refusal;
};
Sniffed sniff(std::string_view bytes);

// The title shown when none is typed: the file name without folders or extension, trimmed,
// "Document" when nothing is left.
std::string default_title(const std::string& filename);

// The name a download is offered under: the title's letters, digits, '-', '_' and spaces
// (spaces and others as '-'), with the extension of the detected type. `ascii` keeps only
// ASCII (accents removed): for the plain filename parameter of Content-Disposition.
std::string download_name(const std::string& title, const std::string& extension, bool ascii);
// The whole Content-Disposition header: attachment, filename and filename* (RFC 6266/5987).
std::string content_disposition(const std::string& title, const std::string& extension);

// "12 Ko", "1,4 Mo".
std::string display_size(std::uint64_t bytes);

}  // namespace jalon::documents
