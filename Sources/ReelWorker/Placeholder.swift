/// The ReelWorker module. Its types are added by the issue that owns it.
public enum ReelWorkerModule {}
