// The transactional outbox: messages appended inside a write transaction, listed and deleted
// by the relay that publishes them. seq is an identity column: concurrent transactions take
// seqs in one order and may commit in another, which the relay allows for (store.h lists
// "seq > after in seq order", as on SQLite).
#include "store/postgres/postgres_transaction.h"

namespace iotjobs::store::postgres {

Result<std::vector<OutboxMessage>> PostgresTransaction::ListOutbox(int64_t after, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT seq, account_id, topic, payload FROM outbox "
                          "WHERE seq > $1 ORDER BY seq LIMIT $2",
                          after, limit));
  std::vector<OutboxMessage> out;
  while (r.Next()) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

Status PostgresTransaction::AppendOutbox(std::string_view topic, std::string_view payload,
                                         EpochMillis now) {
  return conn_
      .Query("INSERT INTO outbox (account_id, topic, payload, created_at) "
             "VALUES ($1, $2, $3, $4)",
             account_id_, topic, payload, now)
      .status();
}

Status PostgresTransaction::DeleteOutbox(const std::vector<int64_t>& seqs) {
  for (int64_t seq : seqs) {
    IOTJOBS_RETURN_IF_ERROR(conn_.Query("DELETE FROM outbox WHERE seq = $1", seq).status());
  }
  return Status::Ok();
}

}  // namespace iotjobs::store::postgres
