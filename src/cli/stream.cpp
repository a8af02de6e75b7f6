#include "cli/stream.h"

#include <unistd.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/kept_buffer.h"
#include "cli/line_reader.h"
#include "cli/record.h"
#include "cli/terminal.h"

namespace crampx::cli {
namespace {

// Lines are handed to workers in batches, so locking costs little per record.
constexpr std::size_t kBatchLines = 256;
constexpr std::size_t kBatchBytes = 1 << 20;

// Batches are reused once written: their line strings and output keep their capacity,
// so a long stream allocates nothing per record in steady state (but a line's buffer
// over kKeptLineBytes is let go, so that long lines do not stay in every slot).
constexpr std::size_t kKeptLineBytes = 64 * 1024;

struct Batch {
  std::vector<std::string> lines;  // lines[0, count) hold this batch's records
  std::vector<char> too_long;
  std::size_t count = 0;
  std::uint64_t first_line = 0;  // the input line number of lines[0]
  bool input_pending = false;  // the input had no more lines ready: write this batch out now
  std::string out;
  std::size_t explained = 0;
  std::size_t errors = 0;
  std::size_t reached = 0;  // records whose triage reached --fail-on's level

  void reset() {
    for (std::size_t i = 0; i < count; ++i) empty_kept(lines[i], kKeptLineBytes);
    count = 0;
    input_pending = false;
    out.clear();
    explained = errors = reached = 0;
  }
};

// What one thread of a stream reuses from record to record: each thread that takes
// batches (the caller's too) makes one and passes it down, so nothing is shared and
// steady state allocates nothing.
struct Worker {
  RecordReader reader;
  Record record;
  infer::Workspace workspace;
  infer::Report rep;
  std::vector<infer::AnswerEntry> answers;
};

void process(Batch& batch, const Context& ctx, const StreamOptions& o, Worker& worker) {
  Record& record = worker.record;
  infer::Report& rep = worker.rep;
  std::vector<infer::AnswerEntry>& answers = worker.answers;
  for (std::size_t i = 0; i < batch.count; ++i) {
    const std::uint64_t line = batch.first_line + i;
    if (batch.too_long[i] != 0) {
      report::render_error_record(std::nullopt, line,
                          Error{ErrorCode::record_too_long,
                                fmt::format("the line is longer than the limit of {} MiB", kMaxRecordBytes >> 20)},
                          batch.out);
      ++batch.errors;
      continue;
    }
    worker.reader.read(batch.lines[i], ctx.kb, record);
    if (record.error) {
      report::render_error_record(record.id, line, *record.error, batch.out);
      ++batch.errors;
      continue;
    }
    answers = o.answers;
    for (const infer::AnswerEntry& a : record.answers) {
      std::erase_if(answers, [&](const infer::AnswerEntry& b) { return b.finding == a.finding; });
      answers.push_back(a);
    }
    infer::explain(record.text, answers, ctx.kb, o.explain, worker.workspace, rep);
    rep.id = std::move(record.id);
    rep.line = line;
    report::render(o.format, rep, ctx.kb, o.render, batch.out);
    rep.id.reset();
    if (rep.in_scope) ++batch.explained;
    if (o.fail_on && infer::reaches(rep.triage, *o.fail_on)) ++batch.reached;
  }
}

// Every thread, the caller's included, takes the next batch from the reader,
// explains it, and hands it in; whoever hands in the batch that is next in input
// order writes it and every finished batch after it. No thread waits on another in
// the steady state: on two cores, waking a sleeping coordinator for every batch cost
// more than reading and writing the batches does (docs/PERFORMANCE.md). Reading has a
// lock of its own, so that a thread waiting for slow input holds up no one's writing.
class Stream {
 public:
  Stream(const Context& ctx, const StreamOptions& o)
      : ctx_(ctx), o_(o), reader_(STDIN_FILENO, kMaxRecordBytes), max_in_flight_(2 * std::size_t{o.jobs}) {}

  int run() {
    std::vector<std::thread> helpers;
    try {
      for (unsigned i = 1; i < o_.jobs; ++i) helpers.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      // The system refused another thread (a process limit): go on with those there are.
    }
    work();
    for (std::thread& t : helpers) t.join();

    if (status_ == LineReader::Result::interrupted || interrupted()) return kExitInterrupted;
    if (status_ == LineReader::Result::error) {
      print_error(fmt::format("cannot read stdin: {}", reader_.error()));
      return kExitError;
    }
    if (ctx_.out.closed()) return kExitExplained;  // a closed pipe ends quietly
    if (errors_ > 0) return kExitError;
    if (reached_ > 0) return kExitTriageReached;
    return explained_ > 0 ? kExitExplained : kExitNothing;
  }

 private:
  void work() {
    Worker worker;
    for (;;) {
      std::unique_ptr<Batch> batch;
      std::size_t seq = 0;
      {
        const std::lock_guard reading(read_mu_);  // always taken before mu_, never after
        {
          std::unique_lock lock(mu_);
          // Bounded memory: a thread that runs ahead of the writer by max_in_flight_
          // batches waits for it (only when the other threads were held up).
          room_.wait(lock, [&] { return read_seq_ - write_seq_ < max_in_flight_ || !more(); });
          if (!more()) return;
          batch = take_spare();
        }
        const LineReader::Result status = read(*batch);  // may wait for input: mu_ is free meanwhile
        const std::lock_guard lock(mu_);
        status_ = status;
        if (batch->count == 0) {
          spare_.push_back(std::move(batch));
          return;
        }
        seq = read_seq_++;
      }
      process(*batch, ctx_, o_, worker);
      hand_in(seq, std::move(batch));
    }
  }

  // Under mu_.
  bool more() const { return !stopped_ && status_ == LineReader::Result::line; }

  // Under mu_.
  std::unique_ptr<Batch> take_spare() {
    if (spare_.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }

  // Under read_mu_: the next lines of the input, up to a batch's limits. Only the
  // first line is waited for; after it, the batch takes the lines that are there, so
  // a slow writer of the input gets each answer as soon as its line is explained.
  LineReader::Result read(Batch& batch) {
    std::size_t bytes = 0;
    bool too_long = false;
    while (batch.count < kBatchLines && bytes < kBatchBytes) {
      if (batch.count == batch.lines.size()) {
        batch.lines.emplace_back();
        batch.too_long.push_back(0);
      }
      std::string& line = batch.lines[batch.count];
      const LineReader::Result status = reader_.next(line, too_long, /*wait=*/batch.count == 0);
      if (status == LineReader::Result::pending) {
        batch.input_pending = true;
        return LineReader::Result::line;  // more may come
      }
      if (status != LineReader::Result::line) return status;
      bytes += line.size();
      batch.too_long[batch.count++] = too_long ? 1 : 0;
      batch.first_line = ++lines_read_ - batch.count + 1;
    }
    return LineReader::Result::line;
  }

  void hand_in(std::size_t seq, std::unique_ptr<Batch> batch) {
    std::unique_lock lock(mu_);
    finished_[seq % max_in_flight_] = std::move(batch);
    if (writing_) return;  // the writer finds it when it comes back for more
    writing_ = true;
    // Write, outside the lock, each finished batch that is next in order.
    while (finished_[write_seq_ % max_in_flight_]) {
      std::unique_ptr<Batch> b = std::move(finished_[write_seq_ % max_in_flight_]);
      const bool stopped = stopped_;
      lock.unlock();
      explained_ += b->explained;
      errors_ += b->errors;
      reached_ += b->reached;
      bool wrote = stopped || ctx_.out.write(b->out);
      if (wrote && b->input_pending) wrote = ctx_.out.flush();  // the reader of our output may be waiting
      b->reset();
      lock.lock();
      if (!wrote) stopped_ = true;
      spare_.push_back(std::move(b));
      ++write_seq_;
      room_.notify_all();
    }
    writing_ = false;
  }

  const Context& ctx_;
  const StreamOptions& o_;
  std::mutex read_mu_;  // the reader: one thread at a time
  LineReader reader_;
  std::uint64_t lines_read_ = 0;  // under read_mu_: input lines read so far
  std::mutex mu_;       // everything below but what the writer alone touches
  std::condition_variable room_;  // the writer caught up
  LineReader::Result status_ = LineReader::Result::line;  // the reader's last word
  const std::size_t max_in_flight_;
  std::size_t read_seq_ = 0;   // batches read so far
  std::size_t write_seq_ = 0;  // batches written (or dropped after the output closed) so far
  bool writing_ = false;       // a thread holds the writer's role
  bool stopped_ = false;       // the output closed or failed: read no more, write no more
  // Finished batches waiting for their turn, at seq % max_in_flight_: at most
  // max_in_flight_ batches are read and not yet written.
  std::vector<std::unique_ptr<Batch>> finished_ = std::vector<std::unique_ptr<Batch>>(max_in_flight_);
  std::vector<std::unique_ptr<Batch>> spare_;
  // Touched only by the thread in the writer's role (handed over under mu_).
  std::size_t explained_ = 0;
  std::size_t errors_ = 0;
  std::size_t reached_ = 0;
};

}  // namespace

int run_stream(const Context& ctx, const StreamOptions& o) { return Stream(ctx, o).run(); }

}  // namespace crampx::cli
