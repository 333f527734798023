#pragma once

#include <string_view>

// The schema migrations as embedded by the generated sources (cmake/Embed.cmake): the stores
// run them (sqlite/migrations.cc, postgres/migrations.cc), and tests build databases of an
// older version from them. A new migration is declared here.
namespace iotjobs::store {
namespace sqlite {
std::string_view Migration0001();
std::string_view Migration0002();
std::string_view Migration0003();
std::string_view Migration0004();
std::string_view Migration0005();
std::string_view Migration0006();
std::string_view Migration0007();
std::string_view Migration0008();
std::string_view Migration0009();
std::string_view Migration0010();
std::string_view Migration0011();
std::string_view Migration0012();
std::string_view Migration0013();
std::string_view Migration0014();
std::string_view Migration0015();
}  // namespace sqlite
namespace postgres {
std::string_view PostgresMigration0001();
std::string_view PostgresMigration0002();
std::string_view PostgresMigration0003();
std::string_view PostgresMigration0004();
std::string_view PostgresMigration0005();
std::string_view PostgresMigration0006();
std::string_view PostgresMigration0007();
std::string_view PostgresMigration0008();
std::string_view PostgresMigration0009();
std::string_view PostgresMigration0010();
std::string_view PostgresMigration0011();
}  // namespace postgres
}  // namespace iotjobs::store
