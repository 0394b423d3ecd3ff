// The Forecast webview: bundled by esbuild (browser, IIFE) into media/dist/forecast.js, with this
// CSS emitted next to it as media/dist/forecast.css.
import '../shared/panel.css';
import './forecast.css';
import { vscodeApi } from '../shared/dom';
import { ForecastApp } from './app';
import type { ForecastState } from './protocol';

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new ForecastApp(root, vscodeApi<ForecastState>());
