/// The ReelStorage module. Its types are added by the issue that owns it.
public enum ReelStorageModule {}
