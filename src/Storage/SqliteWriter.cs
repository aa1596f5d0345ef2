using System.Collections.Concurrent;
using SQLitePCL;

namespace ProductStore.Storage;

/// <summary>
/// The writer connection's own thread. Writes queue here and the thread runs all that queued meanwhile in one transaction
/// (group commit), each inside a savepoint of its own, so every write is still committed whole or not at all.
/// Handing the one writer from request to request cost a thread-pool dispatch per write while the writer waited, idle:
/// on two busy cores that was milliseconds per write, and Orders' four writes per checkout queued up behind it.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private const int MaxBatch = 64;

    private readonly BlockingCollection<PendingWrite> _queue = new(new ConcurrentQueue<PendingWrite>());
    private readonly SqliteSession _session;
    private readonly Action _beforeTransaction;
    private readonly Thread _thread;

    /// <param name="beforeTransaction">Runs before each transaction; what it throws fails the writes of that transaction.</param>
    public SqliteWriter(SqliteSession session, Action beforeTransaction)
    {
        _session = session;
        _beforeTransaction = beforeTransaction;
        _thread = new Thread(RunUntilClosed) { IsBackground = true, Name = "sqlite-writer" };
        _thread.Start();
    }

    /// <summary>
    /// Queues <paramref name="write"/>; its task completes once its transaction is committed. A write still queued after the
    /// busy timeout, or when <paramref name="cancellationToken"/> is cancelled, never runs; one already running is awaited.
    /// </summary>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteSession, T> write, bool commit, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(write, commit);
        try
        {
            _queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new StorageUnavailableException($"{operation}: the database is closing.");
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(busyTimeout);
        await using (wait.Token.UnsafeRegister(_ => pending.TryAbandon(cancellationToken.IsCancellationRequested
                         ? new OperationCanceledException(cancellationToken)
                         : new StorageUnavailableException($"{operation}: the database stayed busy for {busyTimeout.TotalSeconds:0.#} s.")), null))
        {
            return await pending.Result;
        }
    }

    private void RunUntilClosed()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            if (first.TryStart()) batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                if (next.TryStart()) batch.Add(next);
            }
            if (batch.Count > 0) RunTransaction(batch);
            batch.Clear();
        }
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

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
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
