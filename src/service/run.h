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

// Runs `body` (Result<T>(WriteTransaction&)) as one write operation of the store and hands
// its value to `done` only once the transaction is durable.
template <typename T, typename Body>
void RunWrite(store::Store& store, const std::string& account_id, Body body, Callback<T> done) {
  auto out = std::make_shared<std::optional<T>>();
  store.Write(
      account_id,
      [out, body = std::move(body)](store::WriteTransaction& tx) mutable -> Status {
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

// The same for reads (`body`: Result<T>(ReadTransaction&)).
template <typename T, typename Body>
void RunRead(store::Store& store, const std::string& account_id, Body body, Callback<T> done) {
  auto out = std::make_shared<std::optional<T>>();
  store.Read(
      account_id,
      [out, body = std::move(body)](store::ReadTransaction& tx) mutable -> Status {
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

}  // namespace iotjobs::service
