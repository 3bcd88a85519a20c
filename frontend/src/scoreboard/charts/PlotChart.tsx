import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './plot.css';

type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | undefined;
/** Plot is loaded on the first chart shown, so that it weighs nothing on the other pages. */
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

/**
 * A chart drawn by Observable Plot. Screen readers get `description` (the table next to it carries the figures);
 * the drawing itself is an image to them.
 */
export function PlotChart({ description, draw }: { description: string; draw: (plot: PlotModule, width: number) => Element }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let current = true;
    const element = container.current;
    if (!element) return;
    loadPlot().then((plot) => {
      if (!current) return;
      const chart = draw(plot, Math.max(280, element.clientWidth));
      chart.setAttribute('aria-hidden', 'true');
      // Plot's own <style> elements would need 'unsafe-inline' styles: plot.css carries the same rules.
      for (const style of chart.querySelectorAll('style')) style.remove();
      element.replaceChildren(chart);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [draw]);

  return (
    <div className="plot-chart" role="img" aria-label={description} aria-busy={!loaded}>
      {!loaded && <p className="loading">{t('app.loading')}</p>}
      <div ref={container} />
    </div>
  );
}
