using System.Collections.Concurrent;
using SQLitePCL;

namespace ProductStore.Storage;

/// <summary>
/// The one writer connection, shared by combining: a write joins a queue, and whichever caller finds the writer idle runs
/// all that queued meanwhile in one transaction (group commit), each write in a savepoint of its own, so every write is
/// still committed whole or not at all. Before, the writer went from caller to caller: each waiting caller was woken by a
/// thread-pool dispatch while the writer sat idle, on two busy cores milliseconds per write, and Orders' four writes per
/// checkout queued up behind it. An idle writer runs the caller's write at once, on its own thread.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private const int MaxBatch = 64;
    /// <summary>Transactions a caller runs for others before it hands the rest to the thread pool and goes back to its request.</summary>
    private const int MaxTransactionsPerTurn = 4;

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly List<PendingWrite> _batch = new(MaxBatch);
    private readonly SqliteSession _session;
    private readonly Action _beforeTransaction;
    private int _running;
    private volatile bool _closing;

    /// <param name="beforeTransaction">Runs before each transaction; what it throws fails the writes of that transaction.</param>
    public SqliteWriter(SqliteSession session, Action beforeTransaction)
    {
        _session = session;
        _beforeTransaction = beforeTransaction;
    }

    /// <summary>
    /// Runs <paramref name="write"/> now if the writer is idle, else queues it; its task completes once its transaction is
    /// committed. A write still queued after the busy timeout, or when <paramref name="cancellationToken"/> is cancelled,
    /// never runs; one already running is awaited.
    /// </summary>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteSession, T> write, bool commit, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        if (_closing) throw new StorageUnavailableException($"{operation}: the database is closing.");
        var pending = new PendingWrite<T>(write, commit);
        _queue.Enqueue(pending);
        RunQueued();
        if (pending.Result.IsCompleted) return await pending.Result;

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(busyTimeout);
        await using (wait.Token.UnsafeRegister(_ => pending.TryAbandon(cancellationToken.IsCancellationRequested
                         ? new OperationCanceledException(cancellationToken)
                         : new StorageUnavailableException($"{operation}: the database stayed busy for {busyTimeout.TotalSeconds:0.#} s.")), null))
        {
            return await pending.Result;
        }
    }

    /// <summary>
    /// Takes the writer if it is idle and runs what is queued. Whoever lets go of the writer looks at the queue again after,
    /// so a write queued while it was running is never left behind.
    /// </summary>
    private void RunQueued()
    {
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            var transactions = 0;
            try
            {
                while (transactions < MaxTransactionsPerTurn && TakeBatch())
                {
                    RunTransaction(_batch);
                    _batch.Clear();
                    transactions++;
                }
            }
            finally
            {
                // A full fence, not a release: the queue is read again next, and a write queued by a caller whose own try
                // failed must not be missed by both of them (a store-then-load reordering would let that happen).
                Interlocked.Exchange(ref _running, 0);
            }
            if (transactions == MaxTransactionsPerTurn)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.RunQueued(), this, preferLocal: false);
                return;
            }
        }
    }

    private bool TakeBatch()
    {
        while (_batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            if (next.TryStart()) _batch.Add(next);
        }
        return _batch.Count > 0;
    }

    private void RunTransaction(List<PendingWrite> batch)
    {
        try
        {
            _beforeTransaction();
            _session.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        }
        catch (Exception e)
        {
            FailAll(batch, null, e);
            return;
        }

        if (batch.Count == 1)
        {
            RunAlone(batch[0]);
            return;
        }

        PendingWrite? current = null;
        try
        {
            foreach (var write in batch)
            {
                current = write;
                RunInSavepoint(write);
            }
            current = null;
            _session.Command("COMMIT").ExecuteNonQuery();
        }
        catch (Exception e)
        {
            // SQLite ended the transaction (an I/O error, a full disk) or could not commit it: none of this batch is stored.
            RollBack();
            FailAll(batch, current, e);
            return;
        }
        foreach (var write in batch) write.Finish();
    }

    /// <summary>A write alone in its transaction needs no savepoint (two statements fewer, the usual case below saturation).</summary>
    private void RunAlone(PendingWrite write)
    {
        try
        {
            write.Run(_session);
            _session.Command(write.Commit ? "COMMIT" : "ROLLBACK").ExecuteNonQuery();
        }
        catch (Exception e)
        {
            RollBack();
            write.Fail(e);
            return;
        }
        write.Finish();
    }

    /// <summary>A write that fails is rolled back to its savepoint, alone, and fails; an error that ended the transaction is thrown.</summary>
    private void RunInSavepoint(PendingWrite write)
    {
        _session.Command("SAVEPOINT one_write").ExecuteNonQuery();
        try
        {
            write.Run(_session);
            if (!write.Commit) _session.Command("ROLLBACK TO one_write").ExecuteNonQuery();
        }
        catch (Exception e) when (InTransaction())
        {
            _session.Command("ROLLBACK TO one_write").ExecuteNonQuery();
            write.Fail(e);
        }
        _session.Command("RELEASE one_write").ExecuteNonQuery();
    }

    /// <summary>The cause goes to the write that met it; the others only shared its transaction, so they may be retried.</summary>
    private static void FailAll(List<PendingWrite> batch, PendingWrite? cause, Exception e)
    {
        foreach (var write in batch)
        {
            write.Fail(write == cause || cause is null ? e
                : new StorageUnavailableException($"The transaction this write shared was rolled back: {e.Message}", e));
        }
    }

    private void RollBack()
    {
        try
        {
            if (InTransaction()) _session.Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The writes already carry the error that ended their transaction; the next BEGIN reports a connection still broken.
        }
    }

    private bool InTransaction() => raw.sqlite3_get_autocommit(_session.Connection.Handle) == 0;

    /// <summary>
    /// Runs what is still queued, then keeps the writer for good: a write that slipped in after closing began waits out
    /// the busy timeout (503) instead of touching a closed connection.
    /// </summary>
    public void Dispose()
    {
        _closing = true;
        var spin = new SpinWait();
        while (true)
        {
            RunQueued();
            if (_queue.IsEmpty && Interlocked.CompareExchange(ref _running, 1, 0) == 0) return;
            spin.SpinOnce();
        }
    }

    private abstract class PendingWrite
    {
        private const int Queued = 0, Running = 1, Abandoned = 2;
        private int _state;

        protected PendingWrite(bool commit) => Commit = commit;

        /// <summary>False: roll this write back even when it succeeds (a probe of the write lock).</summary>
        public bool Commit { get; }

        public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;

        public void TryAbandon(Exception reason)
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued) Fail(reason);
        }

        public abstract void Run(SqliteSession session);

        /// <summary>Completes the write with its failure, at once: nothing of it will be committed.</summary>
        public abstract void Fail(Exception e);

        /// <summary>Completes a write that ran without failing: its transaction is committed.</summary>
        public abstract void Finish();
    }

    private sealed class PendingWrite<T>(Func<SqliteSession, T> write, bool commit) : PendingWrite(commit)
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public override void Run(SqliteSession session) => _value = write(session);

        public override void Fail(Exception e) => _result.TrySetException(e);

        public override void Finish() => _result.TrySetResult(_value!);
    }
}
