# Writes OUT, a C++ file holding every DIR/*.sql as {version, name, text}, sorted by name.
file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX MATCH "^[0-9]+" version ${name})
  # "0008" would be an (invalid) octal literal in C++: the number without its leading zeros.
  string(REGEX REPLACE "^0+([0-9])" "\\1" version ${version})
  file(READ ${f} text)
  string(APPEND body "  {${version}, \"${name}\", R\"JALONSQL(${text})JALONSQL\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from migrations/*.sql: do not edit.\n#include \"db/migrate.h\"\nnamespace jalon::db {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> all = {\n${body}  };\n  return all;\n}\n}  // namespace jalon::db\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
