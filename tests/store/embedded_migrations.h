#pragma once

#include <string_view>

// The embedded migrations (cmake/Embed.cmake), for tests that build a database of an older
// schema version and then open it with the store, which migrates it.
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
