extension ModelCatalog {
    /// The catalog built into Reel, used when `reel_settings.catalog` is not set and nothing was published.
    /// `worker-config/model_catalog.json` holds the same text (a test keeps them equal).
    public static let `default`: ModelCatalog = {
        do {
            return try ModelCatalog(json: defaultJSON)
        } catch {
            preconditionFailure("the built-in model catalog does not parse: \(error)")
        }
    }()

    /// The text of ``default``.
    public static let defaultJSON = #"""
{
  "sora-2": {"litellm_provider": "openai", "mode": "video_generation", "output_cost_per_video_per_second": 0.1},
  "sora-2-pro": {"litellm_provider": "openai", "mode": "video_generation", "output_cost_per_video_per_second": 0.3},
  "sora-2-pro-high-res": {"litellm_provider": "openai", "mode": "video_generation", "output_cost_per_video_per_second": 0.5},
  "gpt-4o": {"litellm_provider": "openai", "mode": "chat"},
  "gpt-4.1": {"litellm_provider": "openai", "mode": "chat"},
  "gpt-5": {"litellm_provider": "openai", "mode": "responses"},
  "gpt-5-codex": {"litellm_provider": "openai", "mode": "responses"},
  "gpt-realtime": {"litellm_provider": "openai", "mode": "realtime"},
  "gpt-4o-realtime-preview": {"litellm_provider": "openai", "mode": "realtime"},
  "azure/sora-2": {"litellm_provider": "azure", "mode": "video_generation", "output_cost_per_video_per_second": 0.1},
  "azure/sora-2-pro": {"litellm_provider": "azure", "mode": "video_generation", "output_cost_per_video_per_second": 0.3},
  "azure/gpt-5": {"litellm_provider": "azure", "mode": "responses"},
  "gemini/veo-3.0-generate-preview": {"litellm_provider": "gemini", "mode": "video_generation", "output_cost_per_second": 0.75},
  "vertex_ai/veo-3.0-generate-preview": {"litellm_provider": "vertex_ai", "mode": "video_generation", "output_cost_per_second": 0.75},
  "runwayml/gen4_turbo": {"litellm_provider": "runwayml", "mode": "video_generation", "output_cost_per_second": 0.05}
}
"""#
}
