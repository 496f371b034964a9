// The Practice tab's progress: tunes learned per month and ratings per day
// as bar charts with axes, dates and values (an empty one says what will
// appear), the streak of days practised, and the collection by status and
// type.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/practice_charts.h"
#include "core/time_format.h"
#include "core/words.h"
#include "web/screens/theme.h"
#include "web/screens/ui.h"

namespace tt::web {
namespace {

constexpr int kChartDays = 90, kChartMonths = 12;

struct Chart {
  const char* id;        // the automation name
  std::string title;     // its words for a screen reader: what and how many
  std::string empty;     // said in the chart when every count is 0
  bool values_on_bars;   // each bar's count above it (few bars)
};

// Bars for a series: the largest count and 0 on the left axis, the first,
// middle and last dates under it, and the hovered bar's date and count.
void draw_bars(const Chart& chart, const Series& series, float height, Ui& ui) {
  const Palette& palette = current_palette();
  const float line = ImGui::GetTextLineHeight();
  int top = 0;
  for (const auto& [label, n] : series) top = std::max(top, n);
  const std::string top_text = std::to_string(std::max(top, 1));
  const float gutter = ImGui::CalcTextSize(top_text.c_str()).x + ImGui::GetStyle().ItemInnerSpacing.x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float labels_height = line + 2;
  ImGui::InvisibleButton(chart.id, ImVec2(width, height + labels_height));
  ui.remember(chart.id);
  ui.text(chart.title);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = imgui_u32(palette.text), faint = imgui_u32(palette.text_disabled);
  const ImVec2 plot_min(origin.x + gutter, origin.y), plot_max(origin.x + width, origin.y + height);
  draw->AddRectFilled(plot_min, plot_max, imgui_u32(palette.row_alternate));
  draw->AddLine(ImVec2(plot_min.x, plot_max.y), plot_max, faint);  // the axis the bars stand on
  if (top > 0) {  // an empty chart has no scale to give
    draw->AddText(ImVec2(origin.x, plot_min.y), faint, top_text.c_str());
    draw->AddText(ImVec2(origin.x + gutter - ImGui::CalcTextSize("0").x - ImGui::GetStyle().ItemInnerSpacing.x,
                         plot_max.y - line),
                  faint, "0");
  }
  if (series.empty()) return;
  if (top == 0) {
    const ImVec2 size = ImGui::CalcTextSize(chart.empty.c_str(), nullptr, false, plot_max.x - plot_min.x - 8);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(plot_min.x + 4, plot_min.y + std::max(2.0f, (height - size.y) / 2)), text,
                  chart.empty.c_str(), nullptr, plot_max.x - plot_min.x - 8);
  }
  const float step = (plot_max.x - plot_min.x) / static_cast<float>(series.size());
  const ImU32 bar = imgui_u32(palette.selected), edge = imgui_u32(palette.text, 0.55f);
  for (size_t i = 0; i < series.size(); ++i) {
    const int n = series[i].second;
    if (n == 0) continue;
    const float h = std::max(2.0f, (height - line - 2) * static_cast<float>(n) / static_cast<float>(top));
    const float x = plot_min.x + step * static_cast<float>(i);
    const ImVec2 a(x + step * 0.12f, plot_max.y - h), b(x + std::max(step * 0.88f, step * 0.12f + 1), plot_max.y);
    draw->AddRectFilled(a, b, bar);
    draw->AddRect(a, b, edge);  // the bar stays visible where its colour is close to the background's
    if (chart.values_on_bars) {
      const std::string value = std::to_string(n);
      const float w = ImGui::CalcTextSize(value.c_str()).x;
      if (w <= step) draw->AddText(ImVec2(x + (step - w) / 2, a.y - line), text, value.c_str());
    }
  }
  // Dates under the axis: first, middle and last, where they fit.
  const float label_y = plot_max.y + 2;
  float drawn_until = -1e9f;
  for (const size_t i : {size_t{0}, series.size() / 2, series.size() - 1}) {
    const std::string label = short_date(series[i].first);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    const float centre = plot_min.x + step * (static_cast<float>(i) + 0.5f);
    const float x = std::clamp(centre - w / 2, plot_min.x, plot_max.x - w);
    if (x < drawn_until + ImGui::GetFontSize()) continue;
    draw->AddText(ImVec2(x, label_y), faint, label.c_str());
    drawn_until = x + w;
  }
  if (ImGui::IsItemHovered()) {
    const auto i = static_cast<size_t>(std::clamp((ImGui::GetIO().MousePos.x - plot_min.x) / step, 0.f,
                                                  static_cast<float>(series.size() - 1)));
    ImGui::SetTooltip("%s: %d", short_date(series[i].first).c_str(), series[i].second);
  }
}

int total(const Series& series) {
  int sum = 0;
  for (const auto& [label, n] : series) sum += n;
  return sum;
}

}  // namespace

void draw_progress(const Model& model, Ui& ui, const Layout& layout) {
  const PracticeState& p = model.practice;
  ImGui::Separator();
  ImGui::TextUnformatted("Progress");
  ui.heading(2, "Progress");
  const std::string today = p.day.empty() ? format_date_utc(static_cast<int64_t>(model.now_ms)) : p.day;
  const float height = 70 * layout.scale + ImGui::GetTextLineHeight();

  const int streak = practice_streak(p.reviews_per_day, today);
  const Series days = daily_series(p.reviews_per_day, today, kChartDays);
  const int days_practised = static_cast<int>(std::count_if(days.begin(), days.end(), [](const auto& d) {
    return d.second > 0;
  }));
  // The page keeps the last 90 days' counts: a longer streak is "every day".
  std::string practised;
  if (streak >= kChartDays) {
    practised = "Practised every day of the last " + std::to_string(kChartDays);
  } else {
    practised = streak > 0 ? "Practised " + counted(streak, "day", "days") + " in a row; " : "";
    practised += counted(days_practised, "day", "days") + " of the last " + std::to_string(kChartDays);
  }
  ImGui::TextWrapped("%s", practised.c_str());
  ui.remember("practice_streak");
  ui.text(practised);

  const int ratings = total(days);
  ImGui::Text("Ratings per day (last %d days: %d)", kChartDays, ratings);
  draw_bars({"chart_reviews", "Ratings per day, the last " + std::to_string(kChartDays) + " days: " +
                                  counted(ratings, "rating", "ratings") + " in all",
             "Each day you rate tunes here adds a bar.", false},
            days, height, ui);

  const Series months = monthly_series(p.learned_per_month, today, kChartMonths);
  const int learned = total(months);
  ImGui::Text("Tunes learned per month (last %d: %d)", kChartMonths, learned);
  draw_bars({"chart_learned", "Tunes learned per month, the last 12 months: " + std::to_string(learned),
             "A tune marked learned adds to its month's bar.", true},
            months, height, ui);

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
