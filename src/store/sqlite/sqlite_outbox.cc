// The transactional outbox: messages appended inside a write transaction, listed and deleted
// by the relay that publishes them.
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {

Result<std::vector<OutboxMessage>> SqliteTransaction::ListOutbox(int64_t after, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("SELECT seq, account_id, topic, payload FROM outbox "
                                 "WHERE seq > ? ORDER BY seq LIMIT ?"));
  s.BindAll(after, limit);
  std::vector<OutboxMessage> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3)});
  }
}

Status SqliteTransaction::AppendOutbox(std::string_view topic, std::string_view payload,
                                       EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("INSERT INTO outbox (account_id, topic, payload, created_at) "
                                 "VALUES (?, ?, ?, ?)"));
  s.BindAll(account_id_, topic, payload, now);
  return s.Run();
}

Status SqliteTransaction::DeleteOutbox(const std::vector<int64_t>& seqs) {
  for (int64_t seq : seqs) {
    IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn_.Prepare("DELETE FROM outbox WHERE seq = ?"));
    s.Bind(1, seq);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

}  // namespace iotjobs::store::sqlite
