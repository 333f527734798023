#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "store/store.h"

namespace iotjobs::service {

// How a service operation reports back: once, on a store thread, after the commit.
template <typename T>
using Callback = std::function<void(Result<T>)>;

namespace detail {

// Adapts a `Result<T>(Tx&)` body to the store's `Status(Tx&)` work plus completion pair:
// the value is kept aside inside the transaction and handed to `done` only after the
// store reports the outcome (for writes: once the commit is durable).
template <typename T, typename Tx, typename Submit, typename Body>
void RunTransaction(Submit submit, Body body, Callback<T> done) {
  auto out = std::make_shared<std::optional<T>>();
  submit(
      [out, body = std::move(body)](Tx& tx) mutable -> Status {
        Result<T> r = body(tx);
        if (!r.ok()) return r.status();
        out->emplace(std::move(r).value());
        return Status::Ok();
      },
      [out, done = std::move(done)](Status s) {
        if (!s.ok()) {
          done(std::move(s));
        } else {
          done(std::move(**out));
        }
      });
}

}  // namespace detail

// Runs `body` (Result<T>(WriteTransaction&)) as one write operation of the store and hands
// its value to `done` only once the transaction is durable.
template <typename T, typename Body>
void RunWrite(store::Store& store, const std::string& account_id, Body body, Callback<T> done) {
  detail::RunTransaction<T, store::WriteTransaction>(
      [&store, &account_id](auto work, auto finish) {
        store.Write(account_id, std::move(work), std::move(finish));
      },
      std::move(body), std::move(done));
}

// The same for reads (`body`: Result<T>(ReadTransaction&)).
template <typename T, typename Body>
void RunRead(store::Store& store, const std::string& account_id, Body body, Callback<T> done) {
  detail::RunTransaction<T, store::ReadTransaction>(
      [&store, &account_id](auto work, auto finish) {
        store.Read(account_id, std::move(work), std::move(finish));
      },
      std::move(body), std::move(done));
}

}  // namespace iotjobs::service
