// The transactional outbox: messages appended inside a write transaction, listed and deleted
// by the relay that publishes them. On PostgreSQL seq is an identity column: concurrent
// transactions take seqs in one order and may commit in another, which the relay allows for
// (store.h lists "seq > after in seq order", as on SQLite).
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

Result<std::vector<OutboxMessage>> SqlTransaction::ListOutbox(int64_t after, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT seq, account_id, topic, payload FROM outbox "
                                     "WHERE seq > $1 ORDER BY seq LIMIT $2",
                                     after, limit));
  return ReadAll<OutboxMessage>(r, [](const SqlRows& row) {
    return OutboxMessage{row.Int(0), row.Text(1), row.Text(2), row.Text(3)};
  });
}

Status SqlTransaction::AppendOutbox(std::string_view topic, std::string_view payload,
                                    EpochMillis now) {
  return db_.Run(
      "INSERT INTO outbox (account_id, topic, payload, created_at) VALUES ($1, $2, $3, $4)",
      account_id_, topic, payload, now);
}

Status SqlTransaction::DeleteOutbox(const std::vector<int64_t>& seqs) {
  for (int64_t seq : seqs) {
    IOTJOBS_RETURN_IF_ERROR(db_.Run("DELETE FROM outbox WHERE seq = $1", seq));
  }
  return Status::Ok();
}

}  // namespace iotjobs::store
