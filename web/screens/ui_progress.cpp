// The Practice tab's progress: tunes learned per month, ratings per day
// (bars drawn with ImGui's draw list), and the collection by status and type.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/time_format.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

// Bars for a series of counts, with its largest value as the scale.
void draw_bars(const char* id, const std::vector<std::pair<std::string, int>>& series, float height, Ui& ui) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton(id, ImVec2(width, height));
  ui.remember(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(255, 255, 255, 12));
  int top = 1;
  for (const auto& [label, n] : series) top = std::max(top, n);
  const float step = width / static_cast<float>(std::max<size_t>(1, series.size()));
  for (size_t i = 0; i < series.size(); ++i) {
    const float h = (height - 2) * static_cast<float>(series[i].second) / static_cast<float>(top);
    const float x = origin.x + step * static_cast<float>(i);
    draw->AddRectFilled(ImVec2(x + step * 0.15f, origin.y + height - h), ImVec2(x + step * 0.85f, origin.y + height),
                        IM_COL32(90, 160, 255, 220));
  }
  if (ImGui::IsItemHovered() && !series.empty()) {
    const auto i = static_cast<size_t>(std::clamp((ImGui::GetIO().MousePos.x - origin.x) / step, 0.f,
                                                  static_cast<float>(series.size() - 1)));
    ImGui::SetTooltip("%s: %d", series[i].first.c_str(), series[i].second);
  }
}

}  // namespace

void draw_progress(const Model& model, Ui& ui, const Layout& layout) {
  const PracticeState& p = model.practice;
  ImGui::Separator();
  ImGui::TextUnformatted("Progress");
  ui.heading(2, "Progress");
  // Learned per month: the last 12 months, empty ones included.
  std::vector<std::pair<std::string, int>> months;
  const std::string today = p.day.empty() ? format_date_utc(static_cast<int64_t>(model.now_ms)) : p.day;
  int year = std::atoi(today.substr(0, 4).c_str());
  int month = std::atoi(today.substr(5, 2).c_str());
  for (int i = 0; i < 12; ++i) {
    char key[8];
    std::snprintf(key, sizeof key, "%04d-%02d", year, month);
    const auto it = p.learned_per_month.find(key);
    months.insert(months.begin(), {key, it == p.learned_per_month.end() ? 0 : it->second});
    if (--month == 0) { month = 12; --year; }
  }
  int learned_total = 0;
  for (const auto& [m, n] : months) learned_total += n;
  ImGui::Text("Tunes learned per month (last 12: %d)", learned_total);
  draw_bars("chart_learned", months, 60 * layout.scale, ui);
  std::vector<std::pair<std::string, int>> days(p.reviews_per_day.begin(), p.reviews_per_day.end());
  int reviews = 0;
  for (const auto& [d, n] : days) reviews += n;
  ImGui::Text("Ratings per day (last 90 days: %d)", reviews);
  draw_bars("chart_reviews", days, 60 * layout.scale, ui);
  const auto& counts = model.collection.status_counts();
  ImGui::Text("Want to learn %d · learning %d · learned %d", counts.want_to_learn, counts.learning, counts.learned);
  std::string types;
  for (const auto& [type, n] : model.collection.type_counts()) {
    if (type.empty()) continue;
    types += (types.empty() ? "" : " · ") + type + " " + std::to_string(n);
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", types.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace tt::web
