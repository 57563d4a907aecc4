/// The ReelRedis module. Its types are added by the issue that owns it.
public enum ReelRedisModule {}
